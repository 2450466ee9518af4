package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A parent sends worrying readings from the personal link on their phone (no account), and the alert appears on the
 * children's ward board that a nurse has open, without a refresh, and is acknowledged there.
 */
@IntegrationTest
class HomeReadingsBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Browser nurseBrowser;
    Browser parentBrowser;
    CurrentUser nurse;
    PatientRecord child;
    VirtualWard ward;

    @BeforeEach
    void admitAChild() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, community);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        ward = fixtures.ward(community, 10, 0, 17, EnumSet.of(Pathway.PAEDIATRICS));
        child = fixtures.patient(referrer, LocalDate.now().minusYears(3).minusMonths(2));
        fixtures.admit(child, ward, referrer, consultant);
        nurseBrowser = new Browser(api.baseUrl(), "home-readings-nurse");
        parentBrowser = new Browser(api.baseUrl(), "home-readings-parent");
    }

    @AfterEach
    void tearDown() {
        nurseBrowser.close();
        parentBrowser.close();
    }

    @Test
    void aParentsWorryingReadingsReachTheWardBoardAndAreAcknowledged() {
        nurseBrowser.signIn(nurse.username(), Fixtures.PASSWORD).open("/patients/" + child.summary().id())
                .click("issue-home-link");
        String link = nurseBrowser.attribute(By.cssSelector("[data-testid='home-link']"), "href");
        assertThat(link).contains("/home/");
        nurseBrowser.screenshot("link-issued");
        nurseBrowser.open("/alerts?wardId=" + ward.id())
                .waitForScript("document.getElementById('board').dataset.live === 'true'");

        parentBrowser.driver().get(link);
        assertThat(parentBrowser.pageText()).contains("Readings for " + child.summary().givenName())
                .contains("Is your child worse?").doesNotContain(child.summary().familyName());
        parentBrowser.check("Worse").type("oxygenSaturation", "90").type("heartRate", "150").type("temperature", "38.6");
        parentBrowser.screenshot("parent-form");
        parentBrowser.click("send-readings");
        assertThat(parentBrowser.testId("sent")).contains("Thank you");
        parentBrowser.screenshot("parent-sent");

        nurseBrowser.waitForText(By.cssSelector("[data-testid='alerts']"), child.summary().displayName());
        String row = nurseBrowser.text(By.cssSelector("[data-testid='alerts'] tbody tr"));
        assertThat(row).contains("Medium").contains("PEWS 6").contains("the carer says the child is worse");
        nurseBrowser.screenshot("alert-on-board");
        nurseBrowser.act(By.cssSelector("[data-testid='acknowledge']"), WebElement::click)
                .waitForText(By.cssSelector("[data-testid='alerts'] tbody tr [data-testid='status']"), "Acknowledged");

        assertThat(jdbc.sql("select count(*) from observation_reading where patient_id = ? and source = 'PATIENT_OR_CARER'")
                .param(child.summary().id().value()).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void anImpossibleReadingIsExplainedAndNothingIsSent() {
        nurseBrowser.signIn(nurse.username(), Fixtures.PASSWORD).open("/patients/" + child.summary().id())
                .click("issue-home-link");
        String link = nurseBrowser.attribute(By.cssSelector("[data-testid='home-link']"), "href");
        parentBrowser.driver().get(link);
        parentBrowser.type("temperature", "3.8").type("heartRate", "120").click("send-readings");
        assertThat(parentBrowser.testId("home-problems")).contains("TEMPERATURE must be between 25.0 and 45.0");
        assertThat(jdbc.sql("select count(*) from observation_reading where patient_id = ?")
                .param(child.summary().id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownLinkSaysSoWithoutRevealingAnything() {
        parentBrowser.open("/home/not-a-real-link");
        assertThat(parentBrowser.testId("error-detail")).contains("This link is not valid or has expired");
    }
}
