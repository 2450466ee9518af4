package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ward's alert board in Chromium: an alert raised by a device reading appears without a refresh (server-sent
 * events), the census shows the count, and the nurse acknowledges, responds and closes it on the board.
 */
@IntegrationTest
class AlertBoardBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;
    CurrentUser nurse;
    CurrentUser consultant;
    PatientRecord patient;
    VirtualWard ward;

    @BeforeEach
    void admitAPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1939, 9, 9));
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "alert-board");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aDeviceReadingAppearsOnTheOpenBoardAndIsHandledThere() {
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/alerts?wardId=" + ward.id());
        assertThat(browser.testId("no-alerts")).isEqualTo("No open alerts.");
        browser.waitForScript("document.getElementById('board').dataset.live === 'true'");

        String name = patient.summary().displayName();
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", List.of(
                reading("RESPIRATORY_RATE", 26), reading("OXYGEN_SATURATION", 91), reading("HEART_RATE", 118))))
                .status()).isEqualTo(200);

        browser.waitForText(By.cssSelector("[data-testid='alerts']"), name);
        String row = browser.text(By.cssSelector("[data-testid='alerts'] tbody tr"));
        assertThat(row).contains("HIGH").contains("NEWS2 8").contains("RAISED").contains(ward.name());
        browser.screenshot("alert-appeared");

        browser.open("/wards/" + ward.id() + "/census").waitForText(By.cssSelector("[data-testid='open-alert-count']"), "1");
        browser.open("/alerts?wardId=" + ward.id());

        browser.act(By.cssSelector("[data-testid='acknowledge']"), WebElement::click);
        browser.waitForText(By.cssSelector("[data-testid='alerts'] tbody tr"), "ACKNOWLEDGED");
        browser.act(By.cssSelector("select[name='action']"), select -> new Select(select).selectByVisibleText("VISIT"))
                .act(By.cssSelector("input[name='note']"), note -> note.sendKeys("Visited within 40 minutes; nebuliser given"))
                .act(By.cssSelector("[data-testid='respond']"), WebElement::click);
        browser.waitForText(By.cssSelector("[data-testid='alerts'] tbody tr"), "RESPONDED");
        browser.screenshot("alert-responded");
        assertThat(browser.testId("senior-closes")).as("NEWS2 7 or more: a senior closes it")
                .contains("senior decision-maker");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='close']"))).isEmpty();

        browser.signOut().signIn(consultant.username(), Fixtures.PASSWORD).open("/alerts?wardId=" + ward.id());
        browser.act(By.cssSelector("[data-testid='close']"), WebElement::click);
        assertThat(browser.testId("no-alerts")).isEqualTo("No open alerts.");
    }

    private Map<String, Object> reading(String parameter, double value) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", Instant.now().minusSeconds(30).toString());
    }
}
