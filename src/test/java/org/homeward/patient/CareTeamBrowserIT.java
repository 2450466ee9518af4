package org.homeward.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The care team section of a record, a senior adding an organisation with a reason, and the break-glass form offered
 * on the refused page, in Chromium: each page axe clean (WCAG 2.2 A and AA) and no wider than a 390 px phone.
 */
@IntegrationTest
class CareTeamBrowserIT {


    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;
    CurrentUser consultant;
    CurrentUser outsider;
    Organisation community;
    Organisation hospice;
    PatientRecord patient;

    @BeforeEach
    void admitAPatientToAWardTheCommunityVisits() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        hospice = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        fixtures.gpOrganisation(practice);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1938, 11, 5), practice);
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "care-team");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aSeniorAddsAnOrganisationWithAReasonAndAnOutsiderBreaksTheGlassFromTheRefusedPage() {
        String record = "/patients/" + patient.summary().id();
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open(record);
        assertThat(browser.testId("care-team")).contains(community.name(), "Visits the ward's patients",
                "The patient's GP practice");
        assertAccessibleOnDesktopAndPhone("record-care-team");

        browser.click("change-care-team");
        browser.select("organisationId", hospice.name()).click("add-to-care-team");
        assertThat(browser.testId("errors")).startsWith("Reason is required");
        browser.select("organisationId", hospice.name()).type("reason", "Hospice at home team visits at night")
                .click("add-to-care-team");
        assertThat(browser.testId("flash")).contains("Added " + hospice.name());
        assertThat(browser.testId("care-team")).contains("Added by a senior decision-maker: Hospice at home team"
                + " visits at night", consultant.displayName());
        assertAccessibleOnDesktopAndPhone("care-team-added");
        browser.signOut();

        browser.signIn(outsider.username(), Fixtures.PASSWORD).open(record);
        assertThat(browser.testId("error-detail")).contains("in your organisation's care");
        assertAccessibleOnDesktopAndPhone("refused-offers-break-glass");
        browser.click("break-glass");
        assertThat(browser.testId("errors")).contains("Relationship is required", "Reason is required");
        browser.check("Giving or about to give care in an emergency")
                .type("reason", "Called to the patient's home by the ambulance crew; their team is not answering")
                .click("break-glass");
        assertThat(browser.testId("flash")).contains("You may open this record until");
        assertThat(browser.testId("break-glass-notice")).contains("not in this patient's care team");
        assertThat(browser.testId("patient-name")).contains(patient.summary().familyName().toUpperCase());
        assertAccessibleOnDesktopAndPhone("opened-by-break-glass");
    }

    private void assertAccessibleOnDesktopAndPhone(String screenshot) {
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        assertThat(Axe.violations(browser)).as("axe on " + browser.currentPath()).isEmpty();
        browser.screenshot(screenshot);
        assertThat(Axe.overflowAtPhoneWidth(browser)).as("pixels wider than a 390 px phone on " + browser.currentPath()).isZero();
        assertThat(Axe.violations(browser)).as("axe at phone width on " + browser.currentPath()).isEmpty();
        browser.screenshot(screenshot + "-phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }
}
