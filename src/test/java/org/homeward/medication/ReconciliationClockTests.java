package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 24-hour clock in words (NICE NG5 1.3), row by row, the edges at exactly 24 hours and a minute either side. */
class ReconciliationClockTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant ADMITTED = Instant.parse("2026-12-03T22:00:00Z");
    static final Instant DUE = ReconciliationClock.dueAt(ADMITTED);

    @ParameterizedTest(name = "{0} after admission: {1} / board {2}")
    @CsvSource(delimiter = '|', value = {
            "PT0S     | Due in 24 hours     | Due in 24 h",
            "PT1M     | Due in 23 hours     | Due in 23 h",
            "PT19H    | Due in 5 hours      | Due in 5 h",
            "PT23H    | Due in 1 hour       | Due in 1 h",
            "PT23H1M  | Due in 59 minutes   | Due in 59 min",
            "PT23H59M | Due in 1 minute     | Due in 1 min",
            "PT24H    | Due now             | Due now",
            "PT24H1M  | Overdue by 1 minute | Overdue by 1 min",
            "PT25H    | Overdue by 1 hour   | Overdue by 1 h",
            "PT26H30M | Overdue by 2 hours  | Overdue by 2 h"})
    void openClock(Duration sinceAdmission, String words, String board) {
        Instant now = ADMITTED.plus(sinceAdmission);
        for (ReconciliationStatus open : new ReconciliationStatus[] {ReconciliationStatus.NOT_STARTED,
                ReconciliationStatus.IN_PROGRESS}) {
            assertThat(ReconciliationClock.words(open, ADMITTED, DUE, null, null, "admission", now, LONDON))
                    .isEqualTo(words);
            assertThat(ReconciliationClock.boardWords(open, DUE, null, now)).isEqualTo(board);
            assertThat(ReconciliationClock.overdue(open, DUE, now)).isEqualTo(now.isAfter(DUE));
        }
    }

    @Test
    void aMomentAfterTheClockStartsItIsStillDueIn24Hours() {
        assertThat(ReconciliationClock.words(ReconciliationStatus.NOT_STARTED, ADMITTED, DUE, null, null, "admission",
                ADMITTED.plusMillis(5), LONDON)).isEqualTo("Due in 24 hours");
        assertThat(ReconciliationClock.words(ReconciliationStatus.NOT_STARTED, ADMITTED, DUE, null, null, "admission",
                DUE.minusMillis(5), LONDON)).isEqualTo("Due in 1 minute");
    }

    @Test
    void dueTwentyFourHoursAfterAdmission() {
        assertThat(DUE).isEqualTo(Instant.parse("2026-12-04T22:00:00Z"));
    }

    @Test
    void verifiedWithinTheClockIsCompletedWithWhoWhenAndHowLongAfterAdmission() {
        Instant verified = Instant.parse("2026-12-04T15:46:00Z");
        assertThat(ReconciliationClock.words(ReconciliationStatus.VERIFIED, ADMITTED, DUE, verified,
                "Aisha Rahman (pharmacist)", "admission", verified.plusSeconds(3600), LONDON))
                .isEqualTo("Completed (verified by Aisha Rahman (pharmacist), 4 December 2026, 15:46, 17 hours after "
                        + "admission)");
        assertThat(ReconciliationClock.boardWords(ReconciliationStatus.VERIFIED, DUE, verified, verified))
                .isEqualTo("Verified");
        assertThat(ReconciliationClock.overdue(ReconciliationStatus.VERIFIED, DUE, DUE.plusSeconds(60))).isFalse();
    }

    @Test
    void verifiedAtExactlyTwentyFourHoursIsOnTimeAMinuteLaterIsLate() {
        assertThat(ReconciliationClock.words(ReconciliationStatus.VERIFIED, ADMITTED, DUE, DUE, "P", "admission", DUE,
                LONDON)).startsWith("Completed (").endsWith("24 hours after admission)");
        Instant late = DUE.plusSeconds(60);
        assertThat(ReconciliationClock.words(ReconciliationStatus.VERIFIED, ADMITTED, DUE, late, "P", "admission",
                late, LONDON)).startsWith("Completed late (");
        assertThat(ReconciliationClock.boardWords(ReconciliationStatus.VERIFIED, DUE, late, late))
                .isEqualTo("Verified (late)");
    }

    @Test
    void closedAtDischargeSaysSo() {
        assertThat(ReconciliationClock.words(ReconciliationStatus.NOT_COMPLETED, ADMITTED, DUE, null, null,
                "admission", DUE, LONDON)).isEqualTo("Not completed before discharge (was due 4 December 2026, 22:00)");
    }
}
