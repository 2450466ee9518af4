package org.homeward;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On the pages, a text too long for its column is refused on the form beside its field, saying the maximum. */
@IntegrationTest
class InputLengthBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Browser browser;
    CurrentUser nurse;

    @BeforeEach
    void setUp() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        browser = new Browser(api.baseUrl(), "input-length");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aFamilyNameLongerThanItsColumnIsRefusedBesideTheFieldAndNothingIsRegistered() {
        String nhsNumber = Fixtures.newNhsNumber();
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/patients/new")
                .type("nhsNumber", nhsNumber).type("givenName", "Thomas").type("familyName", "H".repeat(101))
                .type("dateOfBirth", "2").type("dateOfBirth-month", "4").type("dateOfBirth-year", "1938").select("sex", "Male").select("ethnicCategory", "White - British")
                .type("addressLine1", "3 Max Gate Lane").type("town", "Dorchester").type("postcode", "DT1 2AA")
                .type("gpPracticeCode", "J81012").type("gpPracticeName", "Dorchester Health Centre")
                .click("save-patient");

        assertThat(browser.testId("errors")).isEqualTo("Family name must be at most 100 characters");
        assertThat(browser.attribute(By.cssSelector("[data-testid='errors'] a"), "href")).endsWith("#familyName");
        WebElement group = browser.driver().findElement(By.xpath("//input[@id='familyName']/.."));
        assertThat(group.getAttribute("class")).contains("nhsuk-form-group--error");
        assertThat(group.findElement(By.className("nhsuk-error-message")).getText())
                .contains("must be at most 100 characters");
        browser.screenshot("family-name-too-long");
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(nhsNumber)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAlertResponseNoteLongerThanItsColumnIsRefusedOnTheBoardAndTheAlertStaysAcknowledged() {
        PatientRecord patient = fixtures.patient(nurse, LocalDate.of(1940, 2, 2));
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", List.of(Map.of(
                "id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", "RESPIRATORY_RATE", "value", 26, "recordedAt", Instant.now().minusSeconds(30).toString()))))
                .status()).isEqualTo(200);
        UUID alertId = UUID.fromString(jdbc.sql("select id from alert where patient_id = ?")
                .param(patient.summary().id().value()).query(String.class).single());
        api.post(nurse, "/api/v1/alerts/" + alertId + "/acknowledge", Map.of());

        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/alerts");
        String row = "tr[data-alert-id='" + alertId + "'] ";
        browser.act(By.cssSelector(row + "select[name='action']"), select -> new Select(select).selectByVisibleText("Visit"))
                .setValue("note-" + alertId, "n".repeat(2001))
                .act(By.cssSelector(row + "[data-testid='respond']"), WebElement::click);

        assertThat(browser.testId("problem")).isEqualTo("note must be at most 2000 characters (it has 2001)");
        assertThat(jdbc.sql("select status from alert where id = ?").param(alertId).query(String.class).single())
                .isEqualTo("ACKNOWLEDGED");
    }
}
