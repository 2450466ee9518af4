package org.homeward.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * A consultant records a patient's ReSPECT recommendations and DNACPR decision on the care and support plan's pages
 * in Chromium; the patient banner shows them at once, and so does the row of the patient's alert on the alert board.
 * Every page is checked with axe and for overflow at 1280 and 390 px ({@link Browser}).
 */
@IntegrationTest
class CarePlanBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired Clock clock;

    Browser browser;
    CurrentUser consultant;
    CurrentUser nurse;
    VirtualWard ward;
    PatientRecord patient;

    @BeforeEach
    void anAdmittedPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1934, 2, 2));
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "care-plan");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aConsultantRecordsReSpectAndDnacprAndTheBannerAndTheAlertShowThem() {
        LocalDate today = LocalDate.now(clock);
        String day = CarePlanRules.day(today);
        String id = patient.summary().id().toString();
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/patients/" + id);
        assertThat(browser.testId("banner-respect")).isEqualTo("None recorded");
        browser.click("open-care-plan");
        assertThat(browser.pageText()).contains("Care and support plan").contains("ReSPECT recommendations");

        browser.act(By.cssSelector("a[href$='/care-plan/respect#priority']"), WebElement::click)
                .select("priority", "Prioritise comfort")
                .select("cprRecommendation", "CPR not recommended")
                .type("recommendations", "Treat chest infections at home with oral antibiotics; not for admission")
                .type("completedBy", "Dr Asha Patel")
                .typeDate("completedOn", today)
                .click("save-care-plan");
        assertThat(browser.testId("flash")).isEqualTo("ReSPECT recommendations saved");
        assertThat(browser.testId("banner-respect"))
                .isEqualTo("ReSPECT: prioritise comfort, CPR not recommended (Dr Asha Patel, " + day + ")");
        assertThat(browser.testId("respect")).contains("Prioritise comfort").contains("CPR not recommended");

        // the DNACPR decision without who made it: the error summary says so and links to the field
        browser.act(By.cssSelector("a[href$='/care-plan/dnacpr#inPlace']"), WebElement::click)
                .act(By.cssSelector("label[for='inPlace1']"), WebElement::click)
                .typeDate("madeOn", today)
                .click("save-care-plan");
        assertThat(browser.testId("errors")).isEqualTo("Decided by is required with a DNACPR decision: the senior "
                + "clinician who made it");
        browser.type("madeBy", "Dr Asha Patel")
                .act(By.cssSelector("label[for='discussedWithPatient1']"), WebElement::click)
                .act(By.cssSelector("label[for='discussedWithFamily1']"), WebElement::click)
                .click("save-care-plan");
        String words = "DNACPR (Dr Asha Patel, " + day + "); ReSPECT: prioritise comfort, CPR not recommended"
                + " (Dr Asha Patel, " + day + ")";
        assertThat(browser.testId("banner-respect")).isEqualTo(words);
        assertThat(browser.pageText()).contains("History of changes (2)");

        raiseAnAlert();
        browser.open("/alerts?wardId=" + ward.id());
        String row = browser.text(By.cssSelector("[data-testid='alerts'] tbody tr"));
        assertThat(row).contains(patient.summary().displayName()).contains(words);
        browser.screenshot("alert-with-dnacpr");
    }

    /** NEWS2 8 from a device's readings: a high alert, as the escalation tests raise one. */
    private void raiseAnAlert() {
        Map<String, Double> readings = Map.of("RESPIRATORY_RATE", 26.0, "OXYGEN_SATURATION", 91.0, "HEART_RATE", 118.0);
        List<Map<String, Object>> body = readings.entrySet().stream().map(e -> Map.<String, Object>of(
                "id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", e.getKey(), "value", e.getValue(),
                "recordedAt", Instant.now(clock).minusSeconds(30).toString())).toList();
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", body)).status()).isEqualTo(200);
    }
}
