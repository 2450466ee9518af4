package org.homeward.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.homeward.patient.PatientRecord;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What each person sees in the browser: commissioners numbers only, other organisations nothing of a patient. */
@IntegrationTest
class PageAccessBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;
    PatientRecord patient;
    CurrentUser commissioner;
    CurrentUser outsider;
    CurrentUser referrer;

    @BeforeEach
    void setUp() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        patient = fixtures.patient(referrer, LocalDate.of(1944, 5, 5));
        commissioner = fixtures.user(Role.COMMISSIONER, fixtures.organisation(OrganisationType.ICB));
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        browser = new Browser(api.baseUrl(), "page-access");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void commissionerSeesCapacityButNoPatientRecord() {
        browser.signIn(commissioner.username(), Fixtures.PASSWORD);
        // the service's occupancy, whatever wards exist (at 390 px the census table's column names show only in its
        // rows, so the table is checked by its caption)
        assertThat(browser.testId("total-occupancy")).endsWith("%");
        assertThat(browser.testId("service-census")).startsWith("Virtual wards");
        // the NHS.UK frontend styles the header NHS blue, and htmx is served from its webjar
        browser.waitForScript("getComputedStyle(document.querySelector('.nhsuk-header')).backgroundColor === 'rgb(0, 94, 184)'")
                .waitForScript("typeof window.htmx === 'object'");
        browser.screenshot("commissioner-overview");

        browser.open("/patients/" + patient.summary().id());
        assertThat(browser.testId("error-title")).isEqualTo("You cannot see this");
        assertThat(browser.testId("error-detail")).contains("does not open individual patient records");
        assertThat(browser.pageText()).doesNotContain(patient.summary().familyName())
                .doesNotContain("Exception").doesNotContain("at org.");
        browser.screenshot("commissioner-refused");
    }

    @Test
    void clinicianOfAnotherOrganisationCannotOpenThePatient() {
        browser.signIn(outsider.username(), Fixtures.PASSWORD).open("/patients/" + patient.summary().id());
        assertThat(browser.testId("error-title")).isEqualTo("Not found");
        assertThat(browser.testId("error-detail"))
                .isEqualTo("No patient with id " + patient.summary().id() + " in your organisation's care");
        String unknown = java.util.UUID.randomUUID().toString();
        browser.open("/patients/" + unknown);
        assertThat(browser.testId("error-detail")).as("the same page as for a patient who is not registered")
                .isEqualTo("No patient with id " + unknown + " in your organisation's care");
        browser.open("/patients?q=" + patient.summary().familyName());
        assertThat(browser.testId("no-results")).contains(patient.summary().familyName());
    }

    @Test
    void sessionCookieIsSecureHttpOnlyAndSameSite() {
        String cookie = org.springframework.web.client.RestClient.create(api.baseUrl()).get().uri("/login")
                .exchange((request, response) -> String.join(";", response.getHeaders().getOrEmpty("Set-Cookie")));
        assertThat(cookie).contains("JSESSIONID").contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        browser.signIn(referrer.username(), Fixtures.PASSWORD).open("/patients/new");
        assertThat(browser.statusOf("POST", "/patients", "nhsNumber=9434765919")).isEqualTo(403);
    }

    @Test
    void wrongPasswordIsRefusedWithAMessageAndUnknownPagesSayNotFound() {
        browser.open("/login").type("username", referrer.username()).type("password", "not-the-password")
                .click("sign-in");
        assertThat(browser.testId("login-error")).contains("not right");
        browser.signIn(referrer.username(), Fixtures.PASSWORD).open("/patients/not-a-uuid");
        assertThat(browser.testId("error-title")).isEqualTo("Not found");
        browser.open("/no-such-page");
        assertThat(browser.testId("error-title")).isEqualTo("Page not found");
        assertThat(browser.pageText()).doesNotContain("Whitelabel").doesNotContain("Exception");
    }
}
