package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.homeward.medication.ControlledDrugRegisterEntry;
import org.homeward.medication.ExpiryStatus;
import org.homeward.medication.FormularyEntry;
import org.homeward.medication.FormularyService;
import org.homeward.medication.GrabBagService;
import org.homeward.medication.GrabBagSummary;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's medicines: the formulary of the scenarios' medicines (dm+d codes only where cited); allergies or no known
 * allergies for every patient admitted now; prescriptions following each scenario; children dosed from a weight.
 */
@IntegrationTest
class DemoMedicinesIT {

    @Autowired DemoLoader loader;
    @Autowired FormularyService formulary;
    @Autowired SecurityService security;
    @Autowired JdbcClient jdbc;
    @Autowired GrabBagService bags;

    DemoPlan plan;

    @BeforeEach
    void loadOnce() {
        plan = DemoLoadedOnce.load(loader).plan();
    }

    @Test
    void everyPatientAdmittedNowHasAllergiesRecordedAndPrescriptionsFollowingTheScenario() {
        String[] current = plan.episodes().stream().filter(e -> e.stage() == EpisodePlan.Stage.ADMITTED)
                .map(e -> e.patient().details().nhsNumber()).toArray(String[]::new);
        long recorded = jdbc.sql("""
                select count(distinct p.id) from patient p where p.nhs_number = any(?) and (
                    exists (select 1 from allergy l where l.patient_id = p.id)
                    or exists (select 1 from allergy_statement s where s.patient_id = p.id))""")
                .param(current).query(Long.class).single();
        assertThat(recorded).isEqualTo(current.length).isGreaterThan(0);

        List<Map<String, Object>> byMedicine = jdbc.sql("""
                select medicine, route, frequency, count(*) as n from prescription group by medicine, route, frequency""")
                .query().listOfRows();
        assertThat(byMedicine).extracting(r -> r.get("medicine") + " " + r.get("route") + " " + r.get("frequency"))
                .contains("Furosemide INTRAVENOUS TWICE_DAILY", "Ceftriaxone INTRAVENOUS ONCE_DAILY",
                        "Salbutamol NEBULISED FOUR_TIMES_DAILY", "Oxygen INHALED CONTINUOUS");
        assertThat(jdbc.sql("select count(*) from prescription p where p.antimicrobial and p.review_on is null")
                .query(Long.class).single()).as("every antimicrobial has its review date").isZero();
        String[] demo = plan.episodes().stream().map(e -> e.patient().details().nhsNumber()).toArray(String[]::new);
        assertThat(jdbc.sql("""
                select count(*) from prescription p join patient d on d.id = p.patient_id
                where d.nhs_number = any(?) and p.weight_kg is null and exists (
                    select 1 from patient_weight w where w.patient_id = p.patient_id)""")
                .param(demo).query(Long.class).single())
                .as("a child's prescription keeps the weight it was checked against (the demo's own patients: the "
                        + "test database is shared)").isZero();
        assertThat(jdbc.sql("select count(*) from prescription where screening = 'AWAITING'").query(Long.class)
                .single()).as("some on the pharmacist's worklist").isGreaterThan(0);
    }

    @Test
    void aCorrectedAllergyAnAllergyEnteredInErrorAndAFormularyChangeShowTheirHistory() {
        assertThat(jdbc.sql("select count(*) from allergy_version where version = 2 and not entered_in_error "
                + "and reason like 'The GP record describes%'").query(Long.class).single())
                .as("a penicillin allergy corrected on each ward").isPositive();
        assertThat(jdbc.sql("select count(*) from allergy_version where entered_in_error and substance = 'Aspirin' "
                + "and reason like 'Recorded on this patient''s record by mistake%'")
                .query(Long.class).single()).as("an aspirin allergy entered in error on each ward").isPositive();
        CurrentUser pharmacist = CurrentUser.of(security.findUserByUsername("pharmacist").orElseThrow());
        FormularyEntry ceftriaxone = formulary.formulary(pharmacist).stream()
                .filter(e -> e.name().equals("Ceftriaxone") && e.strength().equals("2 g vial")).findFirst()
                .orElseThrow();
        assertThat(formulary.history(pharmacist, ceftriaxone.id())).extracting(e -> e.routes().size())
                .containsExactly(1, 2);
        assertThat(ceftriaxone.reason()).startsWith("Intramuscular route added");
    }

    @Test
    void theFormularyCarriesADmdCodeOnlyWithItsSource() {
        CurrentUser pharmacist = CurrentUser.of(security.findUserByUsername("pharmacist").orElseThrow());
        assertThat(formulary.formulary(pharmacist)).filteredOn(e -> e.dmdCode() != null)
                .isNotEmpty().allSatisfy(e -> assertThat(e.dmdSource()).startsWith("UK Core STU2 example"));
        assertThat(formulary.formulary(pharmacist)).extracting(e -> e.name())
                .contains("Ceftriaxone", "Furosemide", "Salbutamol", "Oxygen", "Amoxicillin");
    }

    @Test
    void theVisitingTeamHasSealedGrabBagsAtEachBaseWithAnExpiryWarningAndAMorphineRegister() {
        CurrentUser coordinator = CurrentUser.of(security.findUserByUsername("coordinator").orElseThrow());
        List<GrabBagSummary> provider = bags.bags(coordinator);
        assertThat(provider).extracting(GrabBagSummary::label).contains("IV bag 1, Bridport",
                "IV bag 2, Dorchester", "IV bag 3, Poole", "Symptom control bag, Dorchester");
        assertThat(provider).allSatisfy(b -> assertThat(b.sealed()).as(b.label()).isTrue());
        assertThat(bags.warnings(coordinator)).as("one batch of ceftriaxone expires within 30 days")
                .anySatisfy(w -> {
                    assertThat(w.medicine()).startsWith("Ceftriaxone");
                    assertThat(w.status()).isEqualTo(ExpiryStatus.EXPIRING_SOON);
                });
        List<ControlledDrugRegisterEntry> register = bags.register(coordinator, null, null);
        assertThat(register).extracting(e -> e.medicine() + ": " + e.kind() + " " + e.balanceAfter().intValue())
                .containsExactly("Morphine sulfate 10 mg/1 mL ampoule solution for injection: RECEIVED 10");
        CurrentUser acutePharmacist = CurrentUser.of(security.findUserByUsername("pharmacist").orElseThrow());
        assertThat(bags.bags(acutePharmacist)).as("the acute trust sees none of the provider's bags").isEmpty();
    }
}
