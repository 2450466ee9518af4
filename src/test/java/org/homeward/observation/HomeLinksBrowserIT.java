package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Axe;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On the patient's record a nurse sees whether the home readings link works, revokes it, and creates a new one; the
 * carer's revoked link says it is no longer active. The nurse sets quiet hours there too. Every page is checked with
 * axe and at a phone's 390 px.
 */
@IntegrationTest
class HomeLinksBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser nurseBrowser;
    Browser carerBrowser;
    CurrentUser nurse;
    PatientRecord patient;

    @BeforeEach
    void anAdmittedPatient() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, community);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(community, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1946, 4, 4));
        fixtures.admit(patient, ward, referrer, consultant);
        nurseBrowser = new Browser(api.baseUrl(), "home-links-nurse");
        carerBrowser = new Browser(api.baseUrl(), "home-links-carer");
    }

    @AfterEach
    void tearDown() {
        nurseBrowser.close();
        carerBrowser.close();
    }

    @Test
    void aNurseRevokesTheLinkAndIssuesANewOneAndTheOldLinkSaysItIsNoLongerActive() {
        String record = "/patients/" + patient.summary().id();
        nurseBrowser.signIn(nurse.username(), Fixtures.PASSWORD).open(record).click("issue-home-link");
        String first = nurseBrowser.attribute(By.cssSelector("[data-testid='home-link']"), "href");
        nurseBrowser.waitForText(By.cssSelector("[data-testid='home-link-status']"), "Working");
        assertThat(nurseBrowser.testId("home-link-status")).contains("issued by " + nurse.username());
        checked(nurseBrowser, "link-working");

        nurseBrowser.type("revoke-reason", "Phone lost").click("revoke-home-link");
        assertThat(nurseBrowser.testId("flash")).contains("revoked");
        nurseBrowser.waitForText(By.cssSelector("[data-testid='home-link-status']"), "No working link");
        checked(nurseBrowser, "link-revoked");

        carerBrowser.driver().get(first);
        assertThat(carerBrowser.testId("error-detail")).contains("no longer active");
        assertThat(carerBrowser.pageText()).doesNotContain(patient.summary().givenName());
        checked(carerBrowser, "revoked-link-page");

        nurseBrowser.click("issue-home-link");
        String second = nurseBrowser.attribute(By.cssSelector("[data-testid='home-link']"), "href");
        assertThat(second).isNotEqualTo(first);
        carerBrowser.driver().get(second);
        assertThat(carerBrowser.driver().findElements(By.id("send-readings"))).as("the new link's readings form")
                .hasSize(1);
        assertThat(carerBrowser.pageText()).contains(patient.summary().givenName());
    }

    @Test
    void aNurseSetsQuietHoursWithAReasonOnThePatientsRecord() {
        String record = "/patients/" + patient.summary().id();
        nurseBrowser.signIn(nurse.username(), Fixtures.PASSWORD).open(record)
                .waitForText(By.cssSelector("[data-testid='quiet-hours-value']"), "None");
        nurseBrowser.click("set-quiet-hours");
        nurseBrowser.setValue("reason", "").click("save-quiet-hours");
        // the field's own words, not its code ("reason: ...")
        assertThat(nurseBrowser.testId("errors")).contains("Say why readings are not expected in these hours")
                .doesNotContain("reason:");
        checked(nurseBrowser, "quiet-hours-error");

        nurseBrowser.setValue("startsAt", "23:00").setValue("endsAt", "07:00")
                .type("reason", "Stable on 12-hourly observations; sleep matters").click("save-quiet-hours");
        assertThat(nurseBrowser.testId("flash")).contains("the next set is due at 07:00");
        nurseBrowser.waitForText(By.cssSelector("[data-testid='quiet-hours-value']"), "23:00 to 07:00");
        checked(nurseBrowser, "quiet-hours-set");
    }

    private static void checked(Browser browser, String name) {
        assertThat(Axe.violations(browser)).as(name + " axe").isEmpty();
        browser.screenshot(name);
        long overflow = Axe.overflowAtPhoneWidth(browser);
        assertThat(overflow).as(name + " wider than 390 px: " + ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
                        + "document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')")).isZero();
        browser.screenshot(name + "-phone");
        Axe.desktop(browser);
    }
}
