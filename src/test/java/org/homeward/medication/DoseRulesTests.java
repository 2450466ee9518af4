package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@link DoseRules} row by row: the doses a prescription calls for on a day at each edge of its start, stop and end,
 * the clock change, the windows (time-critical +- 30 minutes, NPSA/2010/RRR009; others +- 60, the service's choice),
 * which routes make a visit, and each edge of due, late and missed.
 */
class DoseRulesTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate DAY = LocalDate.of(2027, 1, 15);
    static final PatientId PATIENT = new PatientId(UUID.randomUUID());

    static FormularyEntry entry(boolean timeCritical) {
        return new FormularyEntry(UUID.randomUUID(), 1, "Ceftriaxone", "powder", "2 g", EnumSet.of(Route.INTRAVENOUS),
                DoseUnit.G, BigDecimal.ONE, new BigDecimal("4"), null, null, null, timeCritical, true, false, true,
                SubstanceClass.CEPHALOSPORINS, null, null, "BNF", "pharmacist", Instant.EPOCH, null);
    }

    static Prescription prescription(Route route, List<LocalTime> times, Instant starts, Instant stopped, Instant ends) {
        return new Prescription(UUID.randomUUID(), PATIENT, UUID.randomUUID(), 1, "Ceftriaxone", new BigDecimal("2"),
                DoseUnit.G, route, Frequency.TWICE_DAILY, times, starts, ends, "cellulitis", null, true, null, null,
                null, new RecordedBy("u", "Dr U", "Senior decision-maker", "Trust"), starts, List.of(),
                ScreeningStatus.SCREENED, null, null, null, null, stopped, null, stopped == null ? null : "stopped",
                null, null);
    }

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @ParameterizedTest(name = "start {0}, stop {1}, end {2}: doses at {3}")
    @CsvSource(nullValues = "-", value = {
            // starts exactly at a dose's time: that dose is due
            "2027-01-15T09:00:00Z, -, -, 09:00 21:00",
            // a minute after: only the evening dose
            "2027-01-15T09:01:00Z, -, -, 21:00",
            // started the day before: both
            "2027-01-14T12:00:00Z, -, -, 09:00 21:00",
            // stopped at the moment of the evening dose: it is not due
            "2027-01-14T12:00:00Z, 2027-01-15T21:00:00Z, -, 09:00",
            // stopped a minute after it: it is due
            "2027-01-14T12:00:00Z, 2027-01-15T21:01:00Z, -, 09:00 21:00",
            // stopped before the day's first
            "2027-01-14T12:00:00Z, 2027-01-15T08:59:00Z, -, -",
            // ends at the evening dose: not due; a minute after: due
            "2027-01-14T12:00:00Z, -, 2027-01-15T21:00:00Z, 09:00",
            "2027-01-14T12:00:00Z, -, 2027-01-15T21:01:00Z, 09:00 21:00",
            // starts the day after: none
            "2027-01-16T08:00:00Z, -, -, -"})
    void theDosesOfADay(String starts, String stopped, String ends, String times) {
        Prescription p = prescription(Route.INTRAVENOUS, List.of(LocalTime.of(21, 0), LocalTime.of(9, 0)),
                at(starts), stopped == null ? null : at(stopped), ends == null ? null : at(ends));
        List<String> due = DoseRules.dosesOn(p, entry(true), false, DAY, LONDON).stream()
                .map(d -> d.dueAt().atZone(LONDON).toLocalTime().toString()).toList();
        assertThat(due).isEqualTo(times == null ? List.of() : List.of(times.split(" ")));
    }

    @Test
    void eachDoseIsNamedByPrescriptionDayAndTimeWithItsWindowAndWords() {
        Prescription p = prescription(Route.INTRAVENOUS, List.of(LocalTime.of(9, 0)), at("2027-01-14T12:00:00Z"),
                null, null);
        ScheduledDose critical = DoseRules.dosesOn(p, entry(true), true, DAY, LONDON).get(0);
        assertThat(critical.key()).isEqualTo(p.id() + "/2027-01-15/09:00");
        assertThat(critical.medicine()).isEqualTo("Ceftriaxone 2 g intravenous");
        assertThat(critical.earliest()).isEqualTo(at("2027-01-15T08:30:00Z"));
        assertThat(critical.latest()).isEqualTo(at("2027-01-15T09:30:00Z"));
        assertThat(critical.givenAtVisit()).isTrue();
        assertThat(critical.child()).isTrue();
        ScheduledDose usual = DoseRules.dosesOn(p, entry(false), false, DAY, LONDON).get(0);
        assertThat(usual.earliest()).isEqualTo(at("2027-01-15T08:00:00Z"));
        assertThat(usual.latest()).isEqualTo(at("2027-01-15T10:00:00Z"));
    }

    @Test
    void onTheDayClocksGoForwardATimeInTheMissingHourMovesOn() {
        LocalDate spring = LocalDate.of(2027, 3, 28);
        Prescription p = prescription(Route.INTRAVENOUS, List.of(LocalTime.of(1, 30)), at("2027-03-01T00:00:00Z"),
                null, null);
        ScheduledDose dose = DoseRules.dosesOn(p, entry(true), false, spring, LONDON).get(0);
        assertThat(dose.dueAt().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
        assertThat(dose.dueAt()).isEqualTo(at("2027-03-28T01:30:00Z"));
    }

    @ParameterizedTest(name = "{0} given at a visit: {1}")
    @CsvSource({"INTRAVENOUS, true", "SUBCUTANEOUS, true", "INTRAMUSCULAR, true", "ORAL, false", "NEBULISED, false",
            "INHALED, false", "NASOGASTRIC, false", "TOPICAL, false", "RECTAL, false"})
    void routesGivenAtAVisit(Route route, boolean atVisit) {
        assertThat(DoseRules.givenAtVisit(route)).isEqualTo(atVisit);
    }

    @ParameterizedTest(name = "time-critical {0}, recorded {1}, at {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            // due 09:00; time-critical window to 09:30, missed from 11:00
            "true, -, 2027-01-15T08:00:00Z, DUE",
            "true, -, 2027-01-15T09:29:59Z, DUE",
            "true, -, 2027-01-15T09:30:00Z, LATE",
            "true, -, 2027-01-15T10:59:59Z, LATE",
            "true, -, 2027-01-15T11:00:00Z, MISSED",
            "true, -, 2027-01-16T09:00:00Z, MISSED",
            // others: window to 10:00, late from then on, never missed
            "false, -, 2027-01-15T09:59:59Z, DUE",
            "false, -, 2027-01-15T10:00:00Z, LATE",
            "false, -, 2027-01-15T14:00:00Z, LATE",
            // a recorded dose is what was recorded, whenever
            "true, GIVEN, 2027-01-15T12:00:00Z, GIVEN",
            "true, NOT_GIVEN, 2027-01-15T12:00:00Z, NOT_GIVEN",
            "false, GIVEN, 2027-01-15T08:00:00Z, GIVEN"})
    void dueLateMissed(boolean timeCritical, DoseState recorded, String now, DoseState expected) {
        Prescription p = prescription(Route.INTRAVENOUS, List.of(LocalTime.of(9, 0)), at("2027-01-14T12:00:00Z"),
                null, null);
        ScheduledDose dose = DoseRules.dosesOn(p, entry(timeCritical), false, DAY, LONDON).get(0);
        assertThat(DoseRules.state(dose, recorded, at(now))).isEqualTo(expected);
    }

    @Test
    void theWindowsAndTheMissedLimitAreTheCitedOnes() {
        assertThat(DoseRules.window(true)).isEqualTo(Duration.ofMinutes(30));
        assertThat(DoseRules.window(false)).isEqualTo(Duration.ofMinutes(60));
        assertThat(DoseRules.MISSED_AFTER).isEqualTo(Duration.ofHours(2));
    }
}
