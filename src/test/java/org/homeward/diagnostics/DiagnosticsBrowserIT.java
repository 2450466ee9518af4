package org.homeward.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
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

/**
 * In Chromium: the acute consultant orders U&amp;E on the patient's Tests and results page, the community nurse records
 * the sample taken at the home visit and sent to the lab, a critical potassium comes in through the API, and the
 * consultant sees the alert on the alert board and acknowledges the result on the patient's page. Every page checked
 * with axe and at a 390 px phone width as it loads.
 */
@IntegrationTest
class DiagnosticsBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;
    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser lab;
    PatientRecord patient;

    @BeforeEach
    void admitAPatientToAWardTheCommunityProviderVisits() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        lab = fixtures.user(Role.CLINICIAN, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1943, 2, 11));
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "diagnostics");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aCriticalPotassiumFromASampleTakenAtHomeReachesTheConsultantWhoAcknowledgesIt() {
        String record = "/patients/" + patient.summary().id();
        String tests = record + "/tests";
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open(record).click("open-tests");
        assertThat(browser.currentPath()).isEqualTo(tests);
        assertThat(browser.testId("banner-name")).contains(patient.summary().familyName());
        assertThat(browser.testId("no-orders")).isEqualTo("No tests ordered yet.");

        browser.click("order-button");
        assertThat(browser.testId("errors")).contains("Choose at least one test");
        browser.check("Urea and electrolytes (U&E)").type("clinicalQuestion", "Potassium on spironolactone")
                .check("Same day").click("order-button");
        assertThat(browser.testId("flash")).isEqualTo("Ordered: Sodium, Potassium, Urea, Creatinine");
        assertThat(browser.testId("order-status")).isEqualTo("Ordered");
        browser.signOut();

        String orderId = api.get(consultant, "/api/v1/patients/" + patient.summary().id() + "/test-orders").body()
                .get(0).path("id").asText();
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open(tests).click("record-sample-" + orderId);
        assertThat(browser.testId("errors")).contains("Label the sample");
        browser.check("Labelled at the bedside with the patient's details").click("record-sample-" + orderId);
        assertThat(browser.testId("flash")).isEqualTo("Sample recorded as taken");
        assertThat(browser.testId("sample")).contains(nurse.displayName(), "at a home visit", "labelled");
        browser.check("By courier").click("send-sample-" + orderId);
        assertThat(browser.testId("order-status")).isEqualTo("Sent to the lab");
        assertThat(browser.testId("sample-transport")).startsWith("By courier, sent ");
        browser.signOut();

        Response resulted = api.post(lab, "/api/v1/results", Map.of("orderId", orderId,
                "nhsNumber", patient.summary().nhsNumber().value(), "results", List.of(
                        Map.of("testCode", "SODIUM", "value", 137, "unit", "mmol/L"),
                        Map.of("testCode", "POTASSIUM", "value", 6.9, "unit", "mmol/L"),
                        Map.of("testCode", "UREA", "value", 6.1, "unit", "mmol/L"),
                        Map.of("testCode", "CREATININE", "value", 88, "unit", "umol/L", "referenceLow", 59,
                                "referenceHigh", 104))));
        assertThat(resulted.status()).as(resulted.toString()).isEqualTo(201);
        String potassiumId = resulted.body().path("results").get(1).path("id").asText();

        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/alerts");
        assertThat(browser.pageText()).contains("Critical result: Potassium 6.9 mmol/L (critical: high)");

        browser.open(tests);
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='result-flag']")))
                .extracting(WebElement::getText)
                .containsExactly("Normal", "Critical: high", "Normal", "Normal");
        assertThat(browser.testId("order-status")).isEqualTo("Resulted");
        browser.type("note-" + potassiumId, "Phoned: to ED for ECG").click("acknowledge-button-" + potassiumId);
        assertThat(browser.testId("flash")).isEqualTo("Acknowledged: Potassium 6.9 mmol/L");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='acknowledged']")))
                .extracting(WebElement::getText).singleElement().asString()
                .contains(consultant.displayName(), "Phoned: to ED for ECG");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='to-acknowledge']"))).hasSize(3);
    }
}
