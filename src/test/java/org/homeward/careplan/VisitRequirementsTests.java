package org.homeward.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.homeward.visit.VisitRequirement;
import org.homeward.visit.VisitRequirements;
import org.junit.jupiter.api.Test;

class VisitRequirementsTests {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final PatientId PATIENT = PatientId.random();

    static Intervention plan(AddIntervention command) {
        return InterventionPlan.checked(command, PATIENT, TODAY, "nurse", Instant.parse("2026-11-23T07:00:00Z"));
    }

    static AddIntervention eightHourlyDose() {
        return new AddIntervention(InterventionKind.IV_ANTIBIOTIC_DOSE, "Ceftriaxone 2 g", null, null, null,
                List.of("22:00", "06:00", "14:00"), 30, null, null, null, TODAY.plusDays(4), null);
    }

    @Test
    void anEightHourlyDoseIsThreeVisitsEachWithinThirtyMinutesOfItsTime() {
        List<VisitRequirement> day = VisitRequirements.forDay(List.of(plan(eightHourlyDose())), TODAY, LONDON);

        // November: London is on GMT, so wall-clock and UTC agree
        assertThat(day).extracting(VisitRequirement::earliestStart).containsExactly(
                Instant.parse("2026-11-23T05:30:00Z"), Instant.parse("2026-11-23T13:30:00Z"),
                Instant.parse("2026-11-23T21:30:00Z"));
        assertThat(day).extracting(VisitRequirement::latestStart).containsExactly(
                Instant.parse("2026-11-23T06:30:00Z"), Instant.parse("2026-11-23T14:30:00Z"),
                Instant.parse("2026-11-23T22:30:00Z"));
        assertThat(day).allSatisfy(v -> {
            assertThat(v.skill()).isEqualTo(Skill.IV_COMPETENT_NURSE);
            assertThat(v.duration().toMinutes()).isEqualTo(45);
            assertThat(v.staffNeeded()).isEqualTo(1);
        });
        assertThat(day).extracting(VisitRequirement::id).doesNotHaveDuplicates();
    }

    @Test
    void visitsWhoseLatestStartCameBeforeAdmissionAreNotDueAndOneStillInItsWindowIs() {
        Intervention dose = plan(eightHourlyDose());
        // admitted at 14:20 GMT: 06:00 is long gone, 14:00 +- 30 is still open, 22:00 is to come
        var admitted = java.util.Map.of(PATIENT, Instant.parse("2026-11-23T14:20:00Z"));

        assertThat(VisitRequirements.forDay(List.of(dose), TODAY, LONDON, admitted))
                .extracting(VisitRequirement::earliestStart)
                .containsExactly(Instant.parse("2026-11-23T13:30:00Z"), Instant.parse("2026-11-23T21:30:00Z"));
        assertThat(VisitRequirements.forDay(List.of(dose), TODAY.plusDays(1), LONDON, admitted)).hasSize(3);
    }

    @Test
    void aFollowUpGoesWithTheVisitItFollowsWhenThatWasBeforeAdmission() {
        Intervention firstDose = plan(new AddIntervention(InterventionKind.IV_ANTIBIOTIC_DOSE, "First dose", null,
                null, null, List.of("08:00", "16:00"), 30, null, null, null, null,
                new AddIntervention.FollowUp(InterventionKind.OBSERVATIONS, 20, 60, 120)));
        var admitted = java.util.Map.of(PATIENT, Instant.parse("2026-11-23T09:00:00Z"));

        assertThat(VisitRequirements.forDay(List.of(firstDose), TODAY, LONDON, admitted))
                .extracting(VisitRequirement::earliestStart)
                .containsExactly(Instant.parse("2026-11-23T15:30:00Z"), Instant.parse("2026-11-23T16:30:00Z"));
    }

    @Test
    void theSameInterventionAndDayGiveTheSameIdsSoARePlanRecognisesTheVisits() {
        Intervention dose = plan(eightHourlyDose());
        assertThat(VisitRequirements.forDay(List.of(dose), TODAY, LONDON))
                .isEqualTo(VisitRequirements.forDay(List.of(dose), TODAY, LONDON));
    }

    @Test
    void nothingIsDueBeforeTheStartOrAfterTheLastDay() {
        Intervention dose = plan(eightHourlyDose());
        assertThat(VisitRequirements.forDay(List.of(dose), TODAY.minusDays(1), LONDON)).isEmpty();
        assertThat(VisitRequirements.forDay(List.of(dose), TODAY.plusDays(4), LONDON)).hasSize(3);
        assertThat(VisitRequirements.forDay(List.of(dose), TODAY.plusDays(5), LONDON)).isEmpty();
    }

    @Test
    void bloodsBeforeTheLabCutOffAreOneVisitInTheWindow() {
        Intervention bloods = plan(new AddIntervention(InterventionKind.BLOODS, "U&E, CRP", null, null, null, null,
                null, "08:00", "11:00", null, null, null));
        VisitRequirement visit = VisitRequirements.forDay(List.of(bloods), TODAY, LONDON).get(0);
        assertThat(visit.earliestStart()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(visit.latestStart()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
        assertThat(visit.skill()).isEqualTo(Skill.REGISTERED_NURSE);
    }

    @Test
    void aFollowUpIsLinkedToItsVisitWithTheMinimumAndMaximumGap() {
        Intervention firstDose = plan(new AddIntervention(InterventionKind.IV_ANTIBIOTIC_DOSE, "first dose", 60, null,
                null, List.of("10:00"), 30, null, null, null, null,
                new AddIntervention.FollowUp(InterventionKind.OBSERVATIONS, null, 60, 120)));
        List<VisitRequirement> day = VisitRequirements.forDay(List.of(firstDose), TODAY, LONDON);
        assertThat(day).hasSize(2);
        VisitRequirement dose = day.get(0);
        VisitRequirement check = day.get(1);
        assertThat(check.follows()).isEqualTo(dose.id());
        assertThat(check.minGap().toMinutes()).isEqualTo(60);
        assertThat(check.maxGap().toMinutes()).isEqualTo(120);
        // from the dose's earliest start + 60 min to its latest start + 120 min
        assertThat(check.earliestStart()).isEqualTo(Instant.parse("2026-11-23T10:30:00Z"));
        assertThat(check.latestStart()).isEqualTo(Instant.parse("2026-11-23T12:30:00Z"));
        assertThat(check.skill()).isEqualTo(Skill.REGISTERED_NURSE);
    }

    @Test
    void onTheDayClocksGoForwardAMissingTimeMovesOnAndWindowsAreRealDurations() {
        LocalDate springForward = LocalDate.of(2027, 3, 28); // 01:00 GMT becomes 02:00 BST
        Intervention nightly = InterventionPlan.checked(new AddIntervention(InterventionKind.NEBULISER, null, null,
                null, null, List.of("01:30", "12:00"), 30, null, null, null, null, null), PATIENT, springForward,
                "nurse", Instant.parse("2027-03-27T07:00:00Z"));
        List<VisitRequirement> day = VisitRequirements.forDay(List.of(nightly), springForward, LONDON);
        // 01:30 does not exist; it becomes 02:30 BST = 01:30 UTC. 12:00 BST = 11:00 UTC
        assertThat(day).extracting(VisitRequirement::earliestStart).containsExactly(
                Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-03-28T10:30:00Z"));
    }

    @Test
    void aTwoStaffVisitSaysSo() {
        Intervention handling = plan(new AddIntervention(InterventionKind.CARER_SUPPORT, "hoist transfer", 30, null, 2,
                List.of("09:00"), 15, null, null, null, null, null));
        assertThat(VisitRequirements.forDay(List.of(handling), TODAY, LONDON).get(0).staffNeeded()).isEqualTo(2);
    }

    @Test
    void refusesWhatCannotBePlannedNamingTheField() {
        assertRefused(new AddIntervention(null, null, null, null, null, List.of("09:00"), null, null, null, null, null, null), "kind");
        assertRefused(new AddIntervention(InterventionKind.BLOODS, null, null, null, null, null, null, null, null, null, null, null), "times");
        assertRefused(new AddIntervention(InterventionKind.BLOODS, null, null, null, null, List.of("09:00"), null, "08:00", "11:00", null, null, null), "windowFrom");
        assertRefused(new AddIntervention(InterventionKind.BLOODS, null, null, null, null, List.of("25:00"), null, null, null, null, null, null), "times[0]");
        assertRefused(new AddIntervention(InterventionKind.BLOODS, null, null, null, null, List.of("09:00", "09:00"), null, null, null, null, null, null), "times[1]");
        assertRefused(new AddIntervention(InterventionKind.BLOODS, null, 4, null, null, List.of("09:00"), null, null, null, null, null, null), "durationMinutes");
        assertRefused(new AddIntervention(InterventionKind.BLOODS, null, null, null, 3, List.of("09:00"), null, null, null, null, null, null), "staffNeeded");
        assertRefused(new AddIntervention(InterventionKind.BLOODS, null, 20, null, null, null, null, "10:50", "11:00", null, null, null), "windowTo");
        assertRefused(new AddIntervention(InterventionKind.BLOODS, null, null, null, null, List.of("09:00"), null, null, null, TODAY.minusDays(1), null, null), "startsOn");
        assertRefused(new AddIntervention(InterventionKind.BLOODS, null, null, null, null, List.of("09:00"), null, null, null, null, TODAY.minusDays(1), null), "endsOn");
        assertRefused(new AddIntervention(InterventionKind.IV_ANTIBIOTIC_DOSE, null, null, null, null, List.of("09:00"), null, null, null, null, null,
                new AddIntervention.FollowUp(InterventionKind.OBSERVATIONS, null, 120, 60)), "followUp.maxGapMinutes");
        assertRefused(new AddIntervention(InterventionKind.IV_ANTIBIOTIC_DOSE, null, null, null, null, List.of("09:00"), null, null, null, null, null,
                new AddIntervention.FollowUp(InterventionKind.OBSERVATIONS, null, 30, 60)), "followUp.minGapMinutes");
    }

    private static void assertRefused(AddIntervention command, String field) {
        assertThatThrownBy(() -> plan(command)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }
}
