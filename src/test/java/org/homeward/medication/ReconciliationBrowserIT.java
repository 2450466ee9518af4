package org.homeward.medication;

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
 * In Chromium (axe-checked, at desktop and phone widths): the community nurse lists the patient's medicines from two
 * sources at the first visit, with a discrepancy; the acute trust's pharmacist opens the reconciliation from the task
 * on the worklist, resolves the discrepancy, decides on each medicine and verifies; the board round shows Verified.
 */
@IntegrationTest
class ReconciliationBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;

    Browser browser;
    CurrentUser nurse;
    CurrentUser pharmacist;
    VirtualWard ward;
    PatientRecord patient;

    @BeforeEach
    void admitted() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1937, 8, 19));
        fixtures.admit(patient, ward, referrer, consultant);
        browser = new Browser(api.baseUrl(), "medicines-reconciliation");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void theNurseListsFromTwoSourcesThePharmacistResolvesAndVerifiesFromTheWorklist() {
        String record = "/patients/" + patient.summary().id();
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open(record).click("open-medicines-reconciliation");
        assertThat(browser.currentPath()).isEqualTo(record + "/medicines-reconciliation");
        assertThat(browser.testId("reconciliation-status")).isEqualTo("Not started");
        assertThat(browser.testId("reconciliation-clock")).startsWith("Due in 2");

        browser.click("add-medicine-button");
        assertThat(browser.testId("errors")).contains("Choose the source");
        browser.select("source", "Patient's own supply").type("medicine", "Furosemide 40 mg tablets")
                .type("dose", "80 mg").type("route", "By mouth").type("frequency", "Once a day")
                .click("add-medicine-button");
        assertThat(browser.testId("flash")).isEqualTo("Medicine listed from Patient's own supply");
        browser.select("source", "GP record").type("medicine", "Furosemide 40 mg tablets")
                .type("dose", "40 mg").type("route", "By mouth").type("frequency", "Once a day")
                .click("add-medicine-button");
        assertThat(browser.testId("reconciliation-status")).isEqualTo("In progress");
        assertThat(browser.pageText()).contains("Furosemide 40 mg tablets: the dose differs between sources: 40 mg "
                + "(GP record), 80 mg (Patient's own supply)", "A pharmacist verifies the reconciliation.");
        assertThat(browser.driver().findElements(By.id("save-decision"))).as("a nurse lists; others decide").isEmpty();
        browser.signOut();

        browser.signIn(pharmacist.username(), Fixtures.PASSWORD).click("nav-tasks");
        assertThat(browser.pageText()).contains("Medicines reconciliation: verify within 24 hours");
        browser.act(By.cssSelector("[data-testid='open-reconciliation']"), WebElement::click);
        assertThat(browser.currentPath()).isEqualTo(record + "/medicines-reconciliation");
        assertThat(browser.testId("blockers")).contains("1 medicine has no decision",
                "1 discrepancy between sources is unresolved");

        browser.selectContaining("discrepancyKey", "the dose differs")
                .type("resolutionNote", "GP reduced the dose to 40 mg last week; the boxes at home are older")
                .click("resolve");
        assertThat(browser.testId("flash")).isEqualTo("Discrepancy resolved");
        browser.select("decisionMedicine", "Furosemide 40 mg tablets (no decision yet)").check("Continued")
                .click("save-decision");
        assertThat(browser.testId("medicine-decision")).contains("Continued");
        browser.click("verify-reconciliation");
        assertThat(browser.testId("flash")).isEqualTo("Medicines reconciliation verified");
        assertThat(browser.testId("reconciliation-status")).isEqualTo("Verified");
        assertThat(browser.testId("reconciliation-clock")).startsWith("Completed (verified by "
                + pharmacist.displayName());

        browser.open("/board-round?ward=" + ward.id());
        assertThat(browser.text(By.cssSelector("#patient-" + patient.summary().id()
                + " [data-testid=board-reconciliation]"))).isEqualTo("Medicines reconciliation: Verified");
    }
}
