package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.medication.ReconciliationSource.GP_RECORD;
import static org.homeward.medication.ReconciliationSource.OWN_SUPPLY;
import static org.homeward.medication.ReconciliationSource.PATIENT_OR_CARER;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.homeward.medication.ReconciliationDiscrepancy.Kind;
import org.junit.jupiter.api.Test;

/** The discrepancy rule (NICE NG5 1.3), row by row. */
class ReconciliationRulesTests {

    static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    static MedicineBeforeAdmission listed(ReconciliationSource source, String medicine, String dose, String route,
            String frequency) {
        return new MedicineBeforeAdmission(UUID.randomUUID(), source, medicine, dose, route, frequency, null,
                "Nurse (n)", AT);
    }

    static ReconciliationDecisionMade decided(String medicine, ReconciliationDecision decision) {
        return new ReconciliationDecisionMade(MedicineBeforeAdmission.key(medicine), decision,
                decision.needsReason() ? "a reason" : null, decision == ReconciliationDecision.CHANGED ? "20 mg" : null,
                decision == ReconciliationDecision.CHANGED ? "Once a day" : null, "Pharmacist (p)", AT);
    }

    static List<ReconciliationDiscrepancy> rule(List<MedicineBeforeAdmission> listed, Set<ReconciliationSource> consulted,
            Map<String, ReconciliationDecisionMade> decisions, Map<String, ReconciliationResolution> resolutions) {
        return ReconciliationRules.discrepancies(listed, consulted, decisions, resolutions);
    }

    @Test
    void oneSourceOneMedicineWithADecisionHasNone() {
        var furosemide = listed(GP_RECORD, "Furosemide 40 mg tablets", "40 mg", "By mouth", "Once a day");
        assertThat(rule(List.of(furosemide), Set.of(GP_RECORD),
                Map.of("furosemide 40 mg tablets", decided("Furosemide 40 mg tablets", ReconciliationDecision.CONTINUED)),
                Map.of())).isEmpty();
    }

    @Test
    void aMedicineWithNoDecisionIsADiscrepancyNotResolvedByANote() {
        var found = rule(List.of(listed(GP_RECORD, "Ramipril 5 mg capsules", "5 mg", "By mouth", "Once a day")),
                Set.of(GP_RECORD), Map.of(), Map.of());
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.NO_DECISION);
            assertThat(d.resolved()).isFalse();
            assertThat(d.kind().resolvedByNote()).isFalse();
            assertThat(d.words()).isEqualTo("Ramipril 5 mg capsules has no decision yet: continue, stop, change or "
                    + "withhold it");
        });
    }

    @Test
    void inOneSourceOnlyIsNotADiscrepancyWhenOnlyOneSourceWasConsulted() {
        var found = rule(List.of(listed(OWN_SUPPLY, "Ramipril 5 mg capsules", "5 mg", "By mouth", "Once a day")),
                Set.of(OWN_SUPPLY), Map.of("ramipril 5 mg capsules", decided("Ramipril 5 mg capsules",
                        ReconciliationDecision.CONTINUED)), Map.of());
        assertThat(found).isEmpty();
    }

    @Test
    void inOneSourceButNotAnotherConsultedIsADiscrepancy() {
        var found = rule(List.of(listed(GP_RECORD, "Ramipril 5 mg capsules", "5 mg", "By mouth", "Once a day")),
                Set.of(GP_RECORD, OWN_SUPPLY), Map.of(), Map.of());
        assertThat(found).extracting(ReconciliationDiscrepancy::kind)
                .containsExactly(Kind.NOT_IN_EVERY_SOURCE, Kind.NO_DECISION);
        assertThat(found.get(0).words()).isEqualTo("Ramipril 5 mg capsules is listed in GP record but not in "
                + "Patient's own supply");
    }

    @Test
    void aSourceThatListsNothingCountsAsConsulted() {
        var found = rule(List.of(listed(GP_RECORD, "Ramipril 5 mg capsules", "5 mg", "By mouth", "Once a day")),
                Set.of(GP_RECORD, PATIENT_OR_CARER), Map.of(), Map.of());
        assertThat(found.get(0).kind()).isEqualTo(Kind.NOT_IN_EVERY_SOURCE);
    }

    @Test
    void theSameMedicineInTwoSourcesAlikeIsNoDiscrepancyIgnoringCaseAndSpacing() {
        var found = rule(List.of(listed(GP_RECORD, "Furosemide 40 mg tablets", "40 mg", "By mouth", "Once a day"),
                        listed(OWN_SUPPLY, " furosemide  40 MG tablets", "40 MG", "by mouth", "once a day")),
                Set.of(GP_RECORD, OWN_SUPPLY), Map.of("furosemide 40 mg tablets",
                        decided("Furosemide 40 mg tablets", ReconciliationDecision.CONTINUED)), Map.of());
        assertThat(found).isEmpty();
    }

    @Test
    void aDifferentDoseBetweenSourcesIsADiscrepancyNamingEachSource() {
        var found = rule(List.of(listed(GP_RECORD, "Furosemide 40 mg tablets", "40 mg", "By mouth", "Once a day"),
                        listed(OWN_SUPPLY, "Furosemide 40 mg tablets", "80 mg", "By mouth", "Once a day")),
                Set.of(GP_RECORD, OWN_SUPPLY), Map.of(), Map.of());
        assertThat(found).extracting(ReconciliationDiscrepancy::kind)
                .containsExactly(Kind.DIFFERENT_DOSE, Kind.NO_DECISION);
        assertThat(found.get(0).words()).isEqualTo("Furosemide 40 mg tablets: the dose differs between sources: "
                + "40 mg (GP record), 80 mg (Patient's own supply)");
    }

    @Test
    void aDifferentFrequencyIsADiscrepancy() {
        var found = rule(List.of(listed(GP_RECORD, "Furosemide 40 mg tablets", "40 mg", "By mouth", "Once a day"),
                        listed(OWN_SUPPLY, "Furosemide 40 mg tablets", "40 mg", "By mouth", "Twice a day")),
                Set.of(GP_RECORD, OWN_SUPPLY), Map.of(), Map.of());
        assertThat(found).extracting(ReconciliationDiscrepancy::kind)
                .containsExactly(Kind.DIFFERENT_FREQUENCY, Kind.NO_DECISION);
    }

    @Test
    void aDifferentRouteIsADiscrepancy() {
        var found = rule(List.of(listed(GP_RECORD, "Salbutamol 100 micrograms inhaler", "2 puffs", "Inhaled",
                        "When needed"), listed(OWN_SUPPLY, "Salbutamol 100 micrograms inhaler", "2 puffs",
                        "Via spacer", "When needed")), Set.of(GP_RECORD, OWN_SUPPLY), Map.of(), Map.of());
        assertThat(found).extracting(ReconciliationDiscrepancy::kind)
                .containsExactly(Kind.DIFFERENT_ROUTE, Kind.NO_DECISION);
    }

    @Test
    void aNoteResolvesADifferenceButNotTheMissingDecision() {
        var listed = List.of(listed(GP_RECORD, "Furosemide 40 mg tablets", "40 mg", "By mouth", "Once a day"),
                listed(OWN_SUPPLY, "Furosemide 40 mg tablets", "80 mg", "By mouth", "Once a day"));
        String key = rule(listed, Set.of(GP_RECORD, OWN_SUPPLY), Map.of(), Map.of()).get(0).key();
        var found = rule(listed, Set.of(GP_RECORD, OWN_SUPPLY), Map.of(),
                Map.of(key, new ReconciliationResolution(key, "GP increased it last week", "Pharmacist (p)", AT)));
        assertThat(found.get(0).resolved()).isTrue();
        assertThat(found.get(0).resolution()).isEqualTo("Resolved by Pharmacist (p): GP increased it last week");
        assertThat(found.get(1).resolved()).isFalse();
    }

    @Test
    void aThirdDifferentDoseIsANewDiscrepancyThoughTheFirstWasResolved() {
        var two = List.of(listed(GP_RECORD, "Furosemide 40 mg tablets", "40 mg", "By mouth", "Once a day"),
                listed(OWN_SUPPLY, "Furosemide 40 mg tablets", "80 mg", "By mouth", "Once a day"));
        String key = rule(two, Set.of(GP_RECORD, OWN_SUPPLY), Map.of(), Map.of()).get(0).key();
        var three = new java.util.ArrayList<>(two);
        three.add(listed(PATIENT_OR_CARER, "Furosemide 40 mg tablets", "120 mg", "By mouth", "Once a day"));
        var found = rule(three, Set.of(GP_RECORD, OWN_SUPPLY, PATIENT_OR_CARER), Map.of(),
                Map.of(key, new ReconciliationResolution(key, "GP increased it", "Pharmacist (p)", AT)));
        assertThat(found.get(0).kind()).isEqualTo(Kind.DIFFERENT_DOSE);
        assertThat(found.get(0).resolved()).isFalse();
    }

    @Test
    void stoppingOrChangingResolvesDifferencesContinuingOrWithholdingDoesNot() {
        var listed = List.of(listed(GP_RECORD, "Furosemide 40 mg tablets", "40 mg", "By mouth", "Once a day"),
                listed(OWN_SUPPLY, "Furosemide 40 mg tablets", "80 mg", "By mouth", "Once a day"));
        for (ReconciliationDecision decision : ReconciliationDecision.values()) {
            var found = rule(listed, Set.of(GP_RECORD, OWN_SUPPLY),
                    Map.of("furosemide 40 mg tablets", decided("Furosemide 40 mg tablets", decision)), Map.of());
            assertThat(found).as(decision.name()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(Kind.DIFFERENT_DOSE);
                assertThat(d.resolved()).isEqualTo(decision == ReconciliationDecision.STOPPED
                        || decision == ReconciliationDecision.CHANGED);
            });
        }
    }

    @Test
    void medicinesGroupIgnoringCaseInTheOrderFirstListed() {
        var medicines = ReconciliationRules.medicines(List.of(
                listed(GP_RECORD, "Ramipril 5 mg capsules", "5 mg", "By mouth", "Once a day"),
                listed(GP_RECORD, "Furosemide 40 mg tablets", "40 mg", "By mouth", "Once a day"),
                listed(OWN_SUPPLY, "RAMIPRIL 5 mg capsules", "5 mg", "By mouth", "Once a day")), Map.of());
        assertThat(medicines).extracting(ReconciliationMedicine::name)
                .containsExactly("Ramipril 5 mg capsules", "Furosemide 40 mg tablets");
        assertThat(medicines.get(0).listed()).hasSize(2);
    }
}
