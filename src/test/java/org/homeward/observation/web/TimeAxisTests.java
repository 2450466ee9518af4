package org.homeward.observation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's time axis reads as a clinician expects at any width: times for one day, dates across days. */
class TimeAxisTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), LONDON).toInstant();
    }

    private static List<String> labels(TimeAxis axis) {
        return axis.ticks().stream().map(TimeAxis.Tick::label).toList();
    }

    @Test
    void oneDaysSetsAreLabelledByTimeOfDay() {
        TimeAxis axis = TimeAxis.of(List.of(at("2026-12-04T08:00"), at("2026-12-04T14:30"), at("2026-12-04T15:46")),
                LONDON);
        assertThat(labels(axis)).containsExactly("08:00", "10:00", "12:00", "14:00", "16:00");
        assertThat(axis.min()).isEqualTo(at("2026-12-04T08:00").toEpochMilli());
        assertThat(axis.max()).isEqualTo(at("2026-12-04T16:00").toEpochMilli());
    }

    @Test
    void aSingleSetHasAnHourAroundIt() {
        TimeAxis axis = TimeAxis.of(List.of(at("2026-12-04T15:46")), LONDON);
        assertThat(labels(axis)).containsExactly("15:00", "16:00");
    }

    @Test
    void aWholeDayUsesLongerStepsButNeverMoreThanSixLabels() {
        TimeAxis axis = TimeAxis.of(List.of(at("2026-12-04T00:10"), at("2026-12-04T23:10")), LONDON);
        assertThat(labels(axis)).containsExactly("00:00", "06:00", "12:00", "18:00", "00:00");
    }

    @Test
    void timesAreInTheServicesZoneInSummerToo() {
        // 07:00 UTC on 1 July is 08:00 in London
        TimeAxis axis = TimeAxis.of(List.of(Instant.parse("2026-07-01T07:00:00Z"), Instant.parse("2026-07-01T09:20:00Z")),
                LONDON);
        assertThat(labels(axis)).containsExactly("08:00", "09:00", "10:00", "11:00");
    }

    @Test
    void setsOverSeveralDaysAreLabelledByDateAtMidnight() {
        TimeAxis axis = TimeAxis.of(List.of(at("2026-12-02T09:00"), at("2026-12-04T15:46")), LONDON);
        assertThat(labels(axis)).containsExactly("2 Dec", "3 Dec", "4 Dec", "5 Dec");
        assertThat(axis.min()).isEqualTo(at("2026-12-02T00:00").toEpochMilli());
    }

    @Test
    void fourteenDaysFitInSixLabels() {
        TimeAxis axis = TimeAxis.of(List.of(at("2026-11-21T09:00"), at("2026-12-04T15:46")), LONDON);
        assertThat(labels(axis)).hasSizeLessThanOrEqualTo(TimeAxis.MAX_TICKS).first().isEqualTo("21 Nov");
        assertThat(axis.max()).isGreaterThanOrEqualTo(at("2026-12-05T00:00").toEpochMilli());
    }

    @Test
    void daysAcrossTheClockChangeStayAtMidnight() {
        TimeAxis axis = TimeAxis.of(List.of(at("2026-10-24T12:00"), at("2026-10-26T12:00")), LONDON);
        assertThat(axis.ticks()).extracting(TimeAxis.Tick::value).containsExactly(
                at("2026-10-24T00:00").toEpochMilli(), at("2026-10-25T00:00").toEpochMilli(),
                at("2026-10-26T00:00").toEpochMilli(), at("2026-10-27T00:00").toEpochMilli());
    }
}
