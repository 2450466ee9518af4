package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTests {

    /** Real BCrypt, counting how often it is asked. */
    static final class CountingBcrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return bcrypt.matches(raw, encoded);
        }
    }

    static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final CountingBcrypt bcrypt = new CountingBcrypt();
    final SettableClock clock = new SettableClock();
    final VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, clock);
    final String stored = bcrypt.encode("correct-horse-battery");

    @Test
    void aVerifiedPasswordIsNotCheckedWithBcryptAgainForFiveMinutes() {
        assertThat(cache.matches("correct-horse-battery", stored)).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(cache.matches("correct-horse-battery", stored)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(1);

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(cache.matches("correct-horse-battery", stored)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsCheckedWithBcryptEveryTimeAndNeverAccepted() {
        cache.matches("correct-horse-battery", stored);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.matches("correct-horse-batterY", stored)).isFalse();
        }
        assertThat(bcrypt.checks).isEqualTo(4);
    }

    @Test
    void aChangedPasswordNeverMatchesARememberedCheck() {
        cache.matches("correct-horse-battery", stored);
        String changed = bcrypt.encode("a-new-long-passphrase");
        assertThat(cache.matches("correct-horse-battery", changed)).isFalse();
        assertThat(cache.matches("a-new-long-passphrase", changed)).isTrue();
        assertThat(bcrypt.checks).isEqualTo(3);
    }

    @Test
    void encodingIsBcrypt() {
        assertThat(cache.encode("correct-horse-battery")).startsWith("$2a$");
        assertThat(cache.matches(null, stored)).isFalse();
    }
}
