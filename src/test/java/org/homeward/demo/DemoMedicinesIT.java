package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.homeward.medication.FormularyService;
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
        assertThat(jdbc.sql("""
                select count(*) from prescription p where p.weight_kg is null and exists (
                    select 1 from patient_weight w where w.patient_id = p.patient_id)""")
                .query(Long.class).single()).as("a child's prescription keeps the weight it was checked against")
                .isZero();
        assertThat(jdbc.sql("select count(*) from prescription where screening = 'AWAITING'").query(Long.class)
                .single()).as("some on the pharmacist's worklist").isGreaterThan(0);
    }

    @Test
    void theFormularyCarriesADmdCodeOnlyWithItsSource() {
        CurrentUser pharmacist = CurrentUser.of(security.findUserByUsername("pharmacist").orElseThrow());
        assertThat(formulary.formulary(pharmacist)).filteredOn(e -> e.dmdCode() != null)
                .isNotEmpty().allSatisfy(e -> assertThat(e.dmdSource()).startsWith("UK Core STU2 example"));
        assertThat(formulary.formulary(pharmacist)).extracting(e -> e.name())
                .contains("Ceftriaxone", "Furosemide", "Salbutamol", "Oxygen", "Amoxicillin");
    }
}
