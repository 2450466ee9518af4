package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 0), "Sleep", "nurse",
            Instant.parse("2026-11-23T12:00:00Z"));
    static final Duration FOUR_HOURLY = Duration.ofHours(4);

    @Test
    void aSetDueInQuietHoursIsExpectedWhenTheyEnd() {
        assertThat(NIGHT.expectedAt(at("2026-11-24T01:00:00Z"), at("2026-11-24T01:01:00Z"), FOUR_HOURLY, LONDON))
                .isEqualTo(at("2026-11-24T07:00:00Z"));
        assertThat(NIGHT.expectedAt(at("2026-11-23T23:30:00Z"), at("2026-11-23T23:31:00Z"), FOUR_HOURLY, LONDON))
                .as("before midnight: the end is the next morning").isEqualTo(at("2026-11-24T07:00:00Z"));
    }

    @Test
    void aSetDueBeforeQuietHoursButCheckedInThemWaitsTooAndOneDueAfterThemIsUnchanged() {
        assertThat(NIGHT.expectedAt(at("2026-11-23T22:00:00Z"), at("2026-11-23T23:30:00Z"), FOUR_HOURLY, LONDON))
                .isEqualTo(at("2026-11-24T07:00:00Z"));
        assertThat(NIGHT.expectedAt(at("2026-11-24T07:00:00Z"), at("2026-11-24T07:01:00Z"), FOUR_HOURLY, LONDON))
                .as("the end is not quiet").isEqualTo(at("2026-11-24T07:00:00Z"));
        assertThat(NIGHT.expectedAt(at("2026-11-24T09:00:00Z"), at("2026-11-24T06:00:00Z"), FOUR_HOURLY, LONDON))
                .as("due after they end").isEqualTo(at("2026-11-24T09:00:00Z"));
    }

    @Test
    void closeMonitoringIsNeverHeld() {
        assertThat(NIGHT.expectedAt(at("2026-11-24T01:00:00Z"), at("2026-11-24T01:01:00Z"), Duration.ofHours(1),
                LONDON)).isEqualTo(at("2026-11-24T01:00:00Z"));
    }

    @Test
    void quietHoursWithinADayAndTheirLength() {
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), "Dialysis", "nurse",
                Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(afternoon.expectedAt(at("2026-11-23T14:00:00Z"), at("2026-11-23T14:01:00Z"), FOUR_HOURLY, LONDON))
                .isEqualTo(at("2026-11-23T15:00:00Z"));
        assertThat(afternoon.length()).isEqualTo(Duration.ofHours(2));
        assertThat(NIGHT.length()).isEqualTo(Duration.ofHours(8));
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }
}
