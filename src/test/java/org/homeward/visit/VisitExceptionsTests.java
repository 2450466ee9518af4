package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.PatientId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The missed-and-late rules at every edge: a visit planned to start at 10:00 in a window 09:30-10:30, with 15 minutes'
 * grace before it counts as overdue. A start exactly at the window end is on time (windows bound the start).
 */
class VisitExceptionsTests {

    static final Instant DAY = Instant.parse("2031-03-10T00:00:00Z");
    static final Duration GRACE = Duration.ofMinutes(15);

    @ParameterizedTest(name = "{0}, arrived {1}, left {2} as {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            // now   arrived  departed outcome            expected
            "09:00,  -,       -,       -,                 -",
            "10:15,  -,       -,       -,                 -",
            "10:16,  -,       -,       -,                 OVERDUE",
            "10:30,  -,       -,       -,                 OVERDUE",
            "10:31,  -,       -,       -,                 MISSED",
            "12:00,  10:30,   -,       -,                 -",
            "12:00,  10:31,   -,       -,                 LATE",
            "12:00,  10:31,   11:00,   COMPLETED,         LATE",
            "12:00,  10:00,   10:40,   COMPLETED,         -",
            "12:00,  10:00,   10:20,   PARTLY_COMPLETED,  -",
            "12:00,  10:00,   10:05,   NO_ACCESS,         NOT_DONE",
            "12:00,  10:00,   10:05,   DECLINED,          NOT_DONE",
            "12:00,  10:00,   10:30,   ESCALATED,         NOT_DONE",
    })
    void aPlannedVisitIsListedWhenItIsOverdueMissedLateOrNotDone(String now, String arrived, String departed,
            VisitOutcome outcome, VisitException.Kind expected) {
        PlannedVisit planned = visit(at("10:00"), null);
        VisitRecord record = arrived == null ? null : new VisitRecord(LocalDate.of(2031, 3, 10), planned.visitId(),
                planned.patientId(), planned.shiftId(), "Nurse", at(arrived), departed == null ? null : at(departed),
                outcome, null, null, "nurse", at(now));

        assertThat(VisitExceptions.kindOf(planned, record, at(now), GRACE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "not planned because {0}: {1}")
    @CsvSource(nullValues = "-", value = {
            DayPlanProblem.WINDOW_PASSED + ", MISSED",
            DayPlanProblem.NO_ONE_FREE + ",   -",
            DayPlanProblem.NO_LOCATION + ",   -",
    })
    void aVisitTheReplanCouldNoLongerPlaceStaysMissedButOtherUnplannedVisitsAreListedElsewhere(String why,
            VisitException.Kind expected) {
        assertThat(VisitExceptions.kindOf(visit(null, why), null, at("12:00"), GRACE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "planned to start {0}: late {1}")
    @CsvSource({"10:29, false", "10:30, false", "10:31, true"})
    void aVisitPlannedToStartAfterItsWindowClosesIsShownAsLate(String start, boolean late) {
        assertThat(visit(at(start), null).late()).isEqualTo(late);
        assertThat(visit(null, DayPlanProblem.NO_ONE_FREE).late()).isFalse();
    }

    private static PlannedVisit visit(Instant start, String notPlannedWhy) {
        UUID shift = start == null ? null : UUID.randomUUID();
        return new PlannedVisit("i/2031-03-10/t0", "i/2031-03-10/t0", new PatientId(UUID.randomUUID()),
                InterventionKind.IV_ANTIBIOTIC_DOSE, null, false, shift, start == null ? null : "Nurse",
                start == null ? null : 1, start, start, start == null ? null : start.plus(Duration.ofMinutes(45)),
                at("09:30"), at("10:30"), notPlannedWhy);
    }

    private static Instant at(String time) {
        return DAY.plus(Duration.between(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.parse(time)));
    }
}
