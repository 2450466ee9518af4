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
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/** A nurse records sets at visits on a phone-sized screen; the chart shows the score trend with the bands shaded. */
@IntegrationTest
class ObservationChartBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;
    CurrentUser nurse;
    PatientRecord patient;

    @BeforeEach
    void admitAPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        VirtualWard ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1944, 2, 2));
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "observation-chart");
        browser.driver().manage().window().setSize(new Dimension(412, 915));
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aNurseRecordsSetsAtVisitsAndTheChartShowsTheTrend() {
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/patients/" + patient.summary().id() + "/observations/new");
        browser.type("respiratoryRate", "18").type("oxygenSaturation", "96").select("onOxygen", "Air")
                .type("systolic", "128").type("heartRate", "84").select("consciousness", "Alert").type("temperature", "37.1");
        browser.screenshot("visit-form-phone");
        browser.click("save-observations");
        assertThat(browser.testId("flash")).isEqualTo("7 observations saved");
        assertThat(browser.testId("latest-score")).startsWith("Latest: NEWS2 0 (Low)");

        browser.click("record-observations").type("respiratoryRate", "23").type("oxygenSaturation", "93")
                .select("onOxygen", "Oxygen").type("systolic", "104").type("heartRate", "112")
                .select("consciousness", "Alert").type("temperature", "38.4").click("save-observations");
        assertThat(browser.testId("latest-score")).startsWith("Latest: NEWS2 10 (High)");
        browser.waitForScript("window.scoreChart && window.scoreChart.data.datasets[0].data.length === 2");
        assertThat(browser.text(By.cssSelector("[data-testid='observation-table'] tbody"))).contains("NEWS2 0").contains("NEWS2 10");
        browser.screenshot("chart-phone");
    }

    @Test
    void anImpossibleValueIsExplainedAndNothingIsSaved() {
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/patients/" + patient.summary().id() + "/observations/new");
        browser.type("heartRate", "84").type("temperature", "371").click("save-observations");
        assertThat(browser.testId("visit-problems")).contains("TEMPERATURE must be between 25.0 and 45.0");
        browser.open("/patients/" + patient.summary().id() + "/chart");
        assertThat(browser.testId("no-observations")).contains("No observations");
    }
}
