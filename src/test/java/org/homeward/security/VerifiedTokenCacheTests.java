package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A token's signature is checked once while it is in date; an out-of-date token is never answered from memory; a
 * token signed with another key is refused every time. Real RSA keys and Spring Security's own decoder.
 */
class VerifiedTokenCacheTests {

    private final RSAKey key = generate();
    private final RSAKey otherKey = generate();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final JwtDecoder counted = token -> {
        signatureChecks.incrementAndGet();
        return decoder().decode(token);
    };

    @Test
    void aTokenInDateIsCheckedOnceAndAnsweredFromMemoryAfter() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(counted, Clock.systemUTC());
        String token = token(key, Instant.now().plus(5, ChronoUnit.MINUTES));

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("client-1");
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void onceARememberedTokenIsOutOfDateItIsCheckedAgain() throws Exception {
        MovableClock clock = new MovableClock();
        VerifiedTokenCache cache = new VerifiedTokenCache(counted, clock);
        String token = token(key, Instant.now().plus(5, ChronoUnit.MINUTES));
        cache.decode(token);

        clock.now = Instant.now().plus(5, ChronoUnit.MINUTES).plus(VerifiedTokenCache.CLOCK_SKEW).plusSeconds(1);
        cache.decode(token);

        assertThat(signatureChecks).as("past expiry plus skew: not answered from memory").hasValue(2);
    }

    @Test
    void anExpiredTokenIsRefusedEveryTimeAndNeverRemembered() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(counted, Clock.systemUTC());
        String expired = token(key, Instant.now().minus(10, ChronoUnit.MINUTES));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.decode(expired)).isInstanceOf(JwtValidationException.class)
                    .hasMessageContaining("expired");
        }
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEveryTime() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(counted, Clock.systemUTC());
        String forged = token(otherKey, Instant.now().plus(5, ChronoUnit.MINUTES));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.decode(forged)).hasMessageContaining("signature");
        }
        assertThat(signatureChecks).hasValue(2);
    }

    private JwtDecoder decoder() {
        try {
            return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(RSAKey signingKey, Instant expiresAt) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("client-1").issueTime(Date.from(expiresAt.minus(5, ChronoUnit.MINUTES)))
                        .expirationTime(Date.from(expiresAt)).build());
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(java.util.UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
