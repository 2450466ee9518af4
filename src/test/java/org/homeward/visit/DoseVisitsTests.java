package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.medication.Route;
import org.homeward.medication.ScheduledDose;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link DoseVisits}: a charted dose given at a visit makes a visit of the right kind and skill in its window, unless
 * a hand-typed medicine visit of the patient's already holds its time, which then names the charted medicine; a dose
 * the patient takes makes none.
 */
class DoseVisitsTests {

    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final Instant NINE = Instant.parse("2027-01-15T09:00:00Z");

    static ScheduledDose dose(PatientId patient, Route route, boolean antimicrobial, boolean child, Instant due) {
        boolean atVisit = route == Route.INTRAVENOUS || route == Route.SUBCUTANEOUS || route == Route.INTRAMUSCULAR;
        return new ScheduledDose(UUID.randomUUID() + "/2027-01-15/09:00", UUID.randomUUID(), patient,
                "Medicine 1 g " + route.label().toLowerCase(), route, antimicrobial, due,
                due.minus(Duration.ofMinutes(30)), due.plus(Duration.ofMinutes(30)), true, false, false, atVisit,
                child);
    }

    static VisitRequirement handTyped(PatientId patient, InterventionKind kind, Instant earliest, Instant latest) {
        return new VisitRequirement(UUID.randomUUID() + "/2027-01-15/t0", UUID.randomUUID(), patient, kind,
                "IV ceftriaxone, once daily", Duration.ofMinutes(45), Skill.IV_COMPETENT_NURSE, 1, earliest, latest,
                false, null, null, null);
    }

    @ParameterizedTest(name = "{0}, antimicrobial {1}, child {2}: {3} by {4}")
    @CsvSource({
            "INTRAVENOUS, true, false, IV_ANTIBIOTIC_DOSE, IV_COMPETENT_NURSE",
            "INTRAVENOUS, false, false, IV_MEDICINE_DOSE, IV_COMPETENT_NURSE",
            "INTRAVENOUS, true, true, IV_ANTIBIOTIC_DOSE, PAEDIATRIC_NURSE",
            "SUBCUTANEOUS, false, false, INJECTION, REGISTERED_NURSE",
            "INTRAMUSCULAR, true, false, INJECTION, REGISTERED_NURSE",
            "SUBCUTANEOUS, false, true, INJECTION, PAEDIATRIC_NURSE"})
    void aChartedDoseMakesItsOwnVisit(Route route, boolean antimicrobial, boolean child, InterventionKind kind,
            Skill skill) {
        ScheduledDose d = dose(PATIENT, route, antimicrobial, child, NINE);
        assertThat(DoseVisits.merge(List.of(), List.of(d))).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("dose/" + d.key());
            assertThat(r.kind()).isEqualTo(kind);
            assertThat(r.skill()).isEqualTo(skill);
            assertThat(r.duration()).isEqualTo(kind.usualDuration());
            assertThat(r.earliestStart()).isEqualTo(d.earliest());
            assertThat(r.latestStart()).isEqualTo(d.latest());
            assertThat(r.description()).isEqualTo(d.medicine());
            assertThat(r.staffNeeded()).isEqualTo(1);
        });
    }

    @Test
    void aDoseThePatientTakesMakesNoVisit() {
        assertThat(DoseVisits.merge(List.of(), List.of(dose(PATIENT, Route.ORAL, true, false, NINE)))).isEmpty();
    }

    @Test
    void aHandTypedMedicineVisitHoldingTheDoseTimeIsTheDosesVisit() {
        VisitRequirement typed = handTyped(PATIENT, InterventionKind.IV_ANTIBIOTIC_DOSE, NINE.minusSeconds(1800),
                NINE.plusSeconds(1800));
        List<VisitRequirement> merged = DoseVisits.merge(List.of(typed),
                List.of(dose(PATIENT, Route.INTRAVENOUS, true, false, NINE)));
        assertThat(merged).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(typed.id());
            assertThat(r.description()).isEqualTo("IV ceftriaxone, once daily (charted: Medicine 1 g intravenous)");
            assertThat(r.skill()).isEqualTo(typed.skill());
            assertThat(r.earliestStart()).isEqualTo(typed.earliestStart());
        });
    }

    @Test
    void butNotAnotherPatientsOrAVisitThatIsNotAMedicineOrOneWhoseWindowMissesTheTime() {
        ScheduledDose d = dose(PATIENT, Route.INTRAVENOUS, true, false, NINE);
        List<VisitRequirement> others = List.of(
                handTyped(new PatientId(UUID.randomUUID()), InterventionKind.IV_ANTIBIOTIC_DOSE,
                        NINE.minusSeconds(1800), NINE.plusSeconds(1800)),
                handTyped(PATIENT, InterventionKind.OBSERVATIONS, NINE.minusSeconds(1800), NINE.plusSeconds(1800)),
                handTyped(PATIENT, InterventionKind.IV_ANTIBIOTIC_DOSE, NINE.plusSeconds(1), NINE.plusSeconds(3600)));
        List<VisitRequirement> merged = DoseVisits.merge(others, List.of(d));
        assertThat(merged).hasSize(4);
        assertThat(merged).filteredOn(r -> r.id().equals("dose/" + d.key())).hasSize(1);
        assertThat(merged).noneMatch(r -> r.description().contains("charted"));
    }

    @Test
    void dosesDueTogetherShareOneVisitLongerForEachFurtherDoseInTheWindowAllAllow() {
        ScheduledDose furosemide = dose(PATIENT, Route.INTRAVENOUS, false, false, NINE);
        ScheduledDose ceftriaxone = dose(PATIENT, Route.INTRAVENOUS, true, false, NINE);
        List<VisitRequirement> merged = DoseVisits.merge(List.of(), List.of(furosemide, ceftriaxone));
        assertThat(merged).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(InterventionKind.IV_ANTIBIOTIC_DOSE);
            assertThat(r.duration()).isEqualTo(Duration.ofMinutes(45 + 15));
            assertThat(r.description()).isEqualTo(furosemide.medicine() + "; " + ceftriaxone.medicine());
        });
        VisitRequirement typed = handTyped(PATIENT, InterventionKind.IV_MEDICINE_DOSE, NINE.minusSeconds(1800),
                NINE.plusSeconds(1800));
        assertThat(DoseVisits.merge(List.of(typed), List.of(furosemide, ceftriaxone))).singleElement()
                .satisfies(r -> assertThat(r.description()).endsWith("(charted: " + furosemide.medicine() + "; "
                        + ceftriaxone.medicine() + ")"));
    }
}
