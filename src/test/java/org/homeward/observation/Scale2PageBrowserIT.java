package org.homeward.observation;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/** A consultant documents SpO2 Scale 2 on the chart page with a reason, sees who and when, and ends it. */
@IntegrationTest
class Scale2PageBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Browser browser;
    CurrentUser consultant;
    CurrentUser nurse;
    PatientRecord patient;

    @BeforeEach
    void admitAPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        VirtualWard ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1949, 4, 4));
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "spo2-scale-2");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aConsultantDocumentsScale2WithAReasonAndEndsIt() {
        String chart = "/patients/" + patient.summary().id() + "/chart";
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open(chart);
        assertThat(browser.testId("spo2-scale-current")).contains("Scored on SpO2 Scale 1");

        browser.click("spo2-scale-submit");
        // the field's own words, not its code ("reason: ...")
        assertThat(browser.text(By.cssSelector("[data-testid='errors']"))).contains("Give the reason")
                .doesNotContain("reason:");
        assertThat(jdbc.sql("select count(*) from spo2_scale_decision where patient_id = ?")
                .param(patient.summary().id().value()).query(Long.class).single()).isZero();

        browser.type("reason", "Hypercapnic respiratory failure on ABG; target 88-92 %").click("spo2-scale-submit");
        assertThat(browser.testId("flash")).contains("SpO2 Scale 2 documented");
        assertThat(browser.testId("spo2-scale-current")).contains("Scale 2").contains(consultant.displayName())
                .contains("target 88-92 %");
        browser.screenshot("scale-2-documented");

        browser.type("reason", "Repeat gas normal").click("spo2-scale-submit");
        assertThat(browser.testId("flash")).contains("SpO2 Scale 2 ended");
        assertThat(browser.testId("spo2-scale-history")).contains("Repeat gas normal");
    }

    @Test
    void aNurseSeesTheScaleButNoForm() {
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/patients/" + patient.summary().id() + "/chart");
        assertThat(browser.testId("spo2-scale-current")).contains("Scored on SpO2 Scale 1");
        assertThat(browser.driver().findElements(By.id("spo2-scale-submit"))).isEmpty();
    }
}
