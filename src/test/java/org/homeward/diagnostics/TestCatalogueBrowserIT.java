package org.homeward.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
 * In Chromium, every page checked with axe and at 390 px as it loads: the acute pharmacist opens the test catalogue
 * from a patient's tests, adds a point-of-care test (refused while a critical limit sits inside the range, the error
 * linked to its field), and the consultant changes its range with a reason, the earlier version kept on the test's
 * page; the community nurse reads the catalogue and the test with no form.
 */
@IntegrationTest
class TestCatalogueBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;
    CurrentUser pharmacist;
    CurrentUser consultant;
    CurrentUser nurse;
    PatientRecord patient;

    @BeforeEach
    void admitAPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1950, 4, 2));
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "test-catalogue");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void thePharmacistAddsATestTheConsultantChangesItAndTheNurseReadsIt() {
        String unique = Fixtures.unique("G").replace('-', '_');
        String code = "POC_GLUCOSE_" + unique;
        String name = "Glucose, point of care " + unique;
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/patients/" + patient.summary().id() + "/tests")
                .click("open-test-catalogue");
        assertThat(browser.currentPath()).isEqualTo("/test-catalogue");
        assertThat(browser.text(By.id("test-SODIUM"))).isEqualTo("Sodium");
        browser.signOut();

        browser.signIn(pharmacist.username(), Fixtures.PASSWORD).open("/test-catalogue");
        browser.type("code", code).type("name", name).select("kind", "Point-of-care test").type("unit", "mmol/L")
                .type("adultLow", "4.0").type("adultHigh", "7.8").type("criticalLow", "4.0").type("criticalHigh", "25")
                .type("source", "Local choice of the diabetes team (capillary glucose); critical high NICE NG17 "
                        + "ketone testing threshold as a local choice").click("save-test");
        assertThat(browser.testId("errors")).contains("The adult critical low limit (4) must be below the adult "
                + "reference range (4-7.8)");
        browser.screenshot("add-refused");
        browser.type("criticalLow", "3.0").click("save-test");
        assertThat(browser.currentPath()).isEqualTo("/test-catalogue/" + code);
        assertThat(browser.testId("flash")).isEqualTo("Added " + name + " to the test catalogue");
        assertThat(browser.testId("test-now")).contains("4-7.8 mmol/L", "Critical at or below 3 or at or above 25 "
                + "mmol/L", "Local choice of the diabetes team");
        browser.signOut();

        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/test-catalogue/" + code);
        browser.type("adultHigh", "11.0").click("save-change");
        assertThat(browser.testId("errors")).contains("Give the reason for the change");
        browser.type("reason", "Non-fasting samples at home: the team reads up to 11 as normal").click("save-change");
        assertThat(browser.testId("flash")).isEqualTo("Changed " + name + " (version 2)");
        assertThat(browser.testId("test-now")).contains("4-11 mmol/L", "Non-fasting samples at home");
        browser.act(By.cssSelector("[data-testid='earlier-version'] summary"), WebElement::click);
        assertThat(browser.testId("earlier-version")).contains("Version 1", "4-7.8 mmol/L");
        browser.screenshot("test-history");
        phoneShot(By.id("history"), "test-history-phone");
        browser.signOut();

        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/test-catalogue");
        assertThat(browser.testId("test-catalogue")).contains(name, "4-11 mmol/L");
        assertThat(browser.driver().findElements(By.id("catalogue-form"))).isEmpty();
        phoneShot(By.cssSelector("[data-testid='test-catalogue']"), "catalogue-phone");
        assertThat(browser.driver().findElements(By.id("catalogue-form"))).isEmpty();
        browser.click("test-" + code);
        assertThat(browser.driver().findElements(By.id("change-form"))).isEmpty();
        assertThat(browser.testId("test-now")).contains("4-11 mmol/L");
    }

    /** A screenshot at a 390 px phone width with {@code what} scrolled to the top, to look at how it reads there. */
    private void phoneShot(By what, String name) {
        org.openqa.selenium.Dimension desktop = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);",
                browser.driver().findElement(what));
        browser.screenshot(name);
        browser.driver().manage().window().setSize(desktop);
    }
}
