package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.springframework.beans.factory.annotation.Autowired;

/** A consultant tightens a patient's NEWS2 threshold from the patient's record in Chromium and reads the history. */
@IntegrationTest
class EscalationPolicyBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;
    CurrentUser consultant;
    PatientRecord patient;

    @BeforeEach
    void admitAPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        VirtualWard ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1946, 3, 3));
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "escalation-policy");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aSeniorTightensAPatientsThresholdFromTheRecordAndSeesTheHistory() {
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/patients/" + patient.summary().id());
        assertThat(browser.testId("patient-threshold")).isEqualTo("5");
        assertThat(browser.testId("no-escalation-history")).contains("No patient override");
        browser.screenshot("record-national-default");

        browser.check("NEWS2 3 or more").type("reason", "COPD with rapid decline last winter; lives alone")
                .click("tighten-patient-policy");
        assertThat(browser.testId("flash")).contains("are now raised from 3 (patient override)");
        browser.waitForText(By.cssSelector("[data-testid='patient-threshold']"), "3");
        assertThat(browser.currentPath()).isEqualTo("/patients/" + patient.summary().id() + "#escalation-policy");
        assertThat(browser.testId("escalation-history")).contains("COPD with rapid decline last winter; lives alone")
                .contains(consultant.username()).contains("Active");
        browser.screenshot("record-tightened-with-history");
    }
}
