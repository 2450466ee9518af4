package org.homeward.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Version 7 UUIDs as RFC 9562 lays them out (section 5.7; its example in appendix A.6). */
class TimeOrderedUuidTests {

    @Test
    void theFirst48BitsAreTheUnixTimeInMillisecondsAsInTheRfcsExample() {
        // RFC 9562 A.6: Tuesday, February 22, 2022 2:22:22.00 PM GMT-05:00 is 0x017F22E279B0 ms, and its UUIDv7 is
        // 017F22E2-79B0-7CC3-98C4-DC0C0C07398F (the rest random)
        UUID id = TimeOrderedUuid.at(Instant.ofEpochMilli(0x017F22E279B0L));

        assertThat(id.toString()).startsWith("017f22e2-79b0-7");
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).as("the RFC's variant, 10 in binary").isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(0x017F22E279B0L);
    }

    @Test
    void idsMadeLaterSortAfterIdsMadeEarlierAndIdsMadeTogetherDiffer() {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");
        UUID earlier = TimeOrderedUuid.at(now);
        UUID later = TimeOrderedUuid.at(now.plusMillis(1));
        Set<UUID> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            sameMillisecond.add(TimeOrderedUuid.at(now));
        }

        // PostgreSQL orders uuid values bytewise, as the unsigned comparison of their strings does
        assertThat(later.toString()).isGreaterThan(earlier.toString());
        assertThat(sameMillisecond).as("74 random bits each").hasSize(1000);
        assertThat(sameMillisecond).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
    }
}
