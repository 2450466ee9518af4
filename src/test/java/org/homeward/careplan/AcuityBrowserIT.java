package org.homeward.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A community nurse opens the acuity page from the patient's record, is told which criteria to reside are still
 * unanswered, records the day's assessment and sees the level, the visits a day and the criteria met; then the wards'
 * acuity-weighted capacity. Every page is checked with axe at 1280 and 390 px.
 */
@IntegrationTest
class AcuityBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Browser browser;
    CurrentUser nurse;
    PatientRecord patient;
    VirtualWard ward;

    @BeforeEach
    void admitAPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        ward = fixtures.ward(acute, 8, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1943, 3, 3));
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "acuity");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aNurseRecordsTheDailyAssessmentAndSeesTheResult() {
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/patients/" + patient.summary().id());
        browser.click("open-acuity");
        assertThat(browser.testId("acuity-none")).contains("No acuity assessment recorded yet");

        browser.check("Intravenous therapy (antibiotics, diuretics or fluids)")
                .check("Oxygen therapy started or being titrated at home")
                .check("Needs a senior review (consultant, GP or consultant practitioner) every day");
        browser.click("record-acuity");
        // no criterion to reside answered: each is named in the summary, nothing is written, the ticks are kept
        assertThat(browser.text(By.cssSelector("[data-testid='errors']")))
                .contains("Say whether this criterion to reside is met: Requires critical or high dependency care")
                .contains("Is in the last hours of life");
        assertThat(jdbc.sql("select count(*) from acuity_assessment where patient_id = ?")
                .param(patient.summary().id().value()).query(Long.class).single()).isZero();
        assertThat(browser.driver().findElement(By.id("row-IV_THERAPY")).isSelected()).isTrue();

        for (WebElement radio : browser.driver().findElements(By.cssSelector("input[type=radio][value=no]"))) {
            String id = radio.getAttribute("id");
            browser.act(By.cssSelector("label[for='" + id + "']"), WebElement::click);
        }
        browser.act(By.cssSelector("label[for='ctr-CTR_02_OXYGEN_NIV']"), WebElement::click);
        browser.click("record-acuity");

        assertThat(browser.testId("flash")).contains("Acuity recorded: Level 2: moderate");
        assertThat(browser.testId("acuity-level")).isEqualTo("Level 2: moderate");
        assertThat(browser.testId("acuity-visits")).isEqualTo("2");
        assertThat(browser.testId("acuity-reside")).contains("Yes")
                .contains("Requires oxygen therapy or non-invasive ventilation")
                .doesNotContain("Requires intravenous fluids");
        assertThat(browser.testId("acuity-history")).contains("Level 2: moderate").contains(nurse.displayName());
        browser.screenshot("acuity-recorded");

        browser.open("/acuity/capacity");
        assertThat(browser.text(By.cssSelector("tr[data-ward='" + ward.id() + "']")))
                .contains("1 patient in 8 beds").contains("Moderate 1, High 0").contains("2 of 16 (12.5%)");
        browser.open("/acuity/tool");
        assertThat(browser.testId("acuity-bands")).contains("15 or more");
    }
    @Test
    void theAdministratorAddsAChangesAndRetiresARowAndTheNurseIsAskedItMeanwhile() {
        CurrentUser admin = fixtures.user(Role.ADMIN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        String code = "T_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        String question = "Pressure area care needed at every visit (" + code + ")";
        try {
            browser.signIn(admin.username(), Fixtures.PASSWORD).open("/acuity/tool").click("add-row");
            browser.type("code", code).select("group", "Condition").type("question", question)
                    .click("save-row");
            assertThat(browser.testId("errors")).contains("Weight is required");
            browser.type("weight", "1").type("order", "260").click("save-row");
            assertThat(browser.testId("errors")).contains("Reason");
            browser.type("reason", "Agreed at the clinical governance meeting").click("save-row");
            assertThat(browser.testId("flash")).isEqualTo("Row added: " + question);

            browser.click("change-row-" + code);
            assertThat(browser.testId("row-now")).startsWith("Condition, version 1");
            browser.type("weight", "2").type("reason", "Pressure damage weighs more than first thought")
                    .click("save-row");
            assertThat(browser.testId("flash")).isEqualTo("Row changed (version 2): " + question);
            assertThat(browser.text(By.cssSelector("[data-testid='acuity-rows-CONDITION']")))
                    .contains(question).contains("Weight 2; version 2");
            browser.signOut();

            // the nurse's daily assessment asks the new row
            browser.signIn(nurse.username(), Fixtures.PASSWORD)
                    .open("/patients/" + patient.summary().id() + "/acuity");
            assertThat(browser.pageText()).contains(question);
            browser.signOut();

            browser.signIn(admin.username(), Fixtures.PASSWORD).open("/acuity/tool").click("change-row-" + code)
                    .check("No, retired: no longer asked").type("reason", "Folded into the wound care row")
                    .click("save-row");
            assertThat(browser.testId("flash")).isEqualTo("Row changed (version 3): " + question);
            assertThat(browser.text(By.cssSelector("[data-testid='acuity-rows-CONDITION']")))
                    .contains("version 3").contains("retired, no longer asked");
        } finally {
            // whatever happened above, no later test is asked this row
            api.put(admin, "/api/v1/acuity-tool/rows/" + code, java.util.Map.of("active", false, "reason", "test over"));
        }
    }
}
