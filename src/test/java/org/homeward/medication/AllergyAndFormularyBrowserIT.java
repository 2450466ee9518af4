package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
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
 * In Chromium, every page checked with axe and at 390 px as it loads: the community nurse corrects a penicillin allergy
 * on its own page (refused without a reason, the error linked to the field), sees its earlier version on the medicines
 * page, and marks a codeine allergy entered in error, which stays on the page marked as such; the acute pharmacist
 * changes a formulary entry on its page with a reason and reads its history; the nurse reads the entry with no form.
 */
@IntegrationTest
class AllergyAndFormularyBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired AllergyService allergies;
    @Autowired FormularyService formulary;

    Browser browser;
    CurrentUser pharmacist;
    CurrentUser nurse;
    PatientRecord patient;
    Allergy penicillin;
    Allergy codeine;
    FormularyEntry entry;

    @BeforeEach
    void recordTwoAllergiesAndAFormularyEntry() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1942, 7, 30));
        fixtures.admit(patient, ward, referrer, consultant);
        penicillin = allergies.record(consultant, patient.summary().id(), new RecordAllergy("Penicillin", null, null,
                "Rash on day 3 of amoxicillin", AllergySeverity.MODERATE, AllergyCertainty.SUSPECTED,
                ReactionKind.ALLERGY, null));
        codeine = allergies.record(consultant, patient.summary().id(), new RecordAllergy("Codeine", null, null,
                "Nausea", AllergySeverity.MILD, AllergyCertainty.SUSPECTED, ReactionKind.INTOLERANCE, null));
        entry = formulary.add(pharmacist, new SaveFormularyEntry("Gentamicin", "solution for injection",
                Fixtures.unique("80 mg/2 mL "), EnumSet.of(Route.INTRAVENOUS), DoseUnit.MG, new BigDecimal("80"),
                new BigDecimal("400"), new BigDecimal("5"), new BigDecimal("7"), new BigDecimal("400"), true, true,
                false, true, null, null, null, "BNF, Gentamicin", null));
        browser = new Browser(api.baseUrl(), "allergy-formulary-edit");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void theNurseCorrectsOneAllergyAndMarksAnotherEnteredInErrorThePharmacistChangesTheFormulary() {
        String medicines = "/patients/" + patient.summary().id() + "/medicines";
        browser.signIn(nurse.username(), Fixtures.PASSWORD).open(medicines);
        browser.click("correct-" + penicillin.id());
        assertThat(browser.currentPath()).isEqualTo(medicines + "/allergies/" + penicillin.id() + "/correct");
        assertThat(browser.testId("allergy-now")).contains("Penicillin", "Moderate", "Recorded by");
        assertThat(browser.attribute(By.id("substance"), "value")).isEqualTo("Penicillin");

        browser.select("severity", "Severe").select("certainty", "Confirmed").click("save-correction");
        assertThat(browser.testId("errors")).contains("Give the reason");
        browser.screenshot("correct-refused");
        browser.type("reason", "Allergy clinic letter (March 2024): confirmed, severe").click("save-correction");
        assertThat(browser.testId("flash")).isEqualTo("Allergy corrected: Penicillin (severe)");
        assertThat(browser.testId("banner-allergies")).contains("Penicillin (severe)");
        assertThat(browser.testId("allergy")).contains("Corrected by " + nurse.displayName(),
                "Why: Allergy clinic letter");
        browser.act(By.cssSelector("[data-testid='allergy-history'] summary"), WebElement::click);
        assertThat(browser.testId("allergy-version")).contains("Version 1, recorded", "Moderate");
        browser.screenshot("medicines-with-history");

        browser.click("in-error-" + codeine.id());
        assertThat(browser.testId("allergy-now")).contains("Codeine", "Intolerance");
        browser.click("confirm-in-error");
        assertThat(browser.testId("errors")).contains("Give the reason");
        browser.type("reason", "Recorded on the wrong patient's record").click("confirm-in-error");
        assertThat(browser.testId("flash")).isEqualTo("Codeine marked as entered in error");
        assertThat(browser.testId("allergy-in-error")).contains("Entered in error", "Codeine",
                "Why: Recorded on the wrong patient");
        assertThat(browser.testId("banner-allergies")).doesNotContain("Codeine");
        browser.screenshot("medicines-entered-in-error");
        phoneShot(By.id("allergies"), "allergies-phone");
        phoneShot(By.id("entered-in-error"), "entered-in-error-phone");
        browser.signOut();

        browser.signIn(pharmacist.username(), Fixtures.PASSWORD).open("/formulary");
        browser.click("entry-" + entry.id());
        assertThat(browser.currentPath()).isEqualTo("/formulary/" + entry.id());
        assertThat(browser.testId("no-earlier")).contains("No earlier versions");
        browser.type("adultDoseMax", "500").click("save-change");
        assertThat(browser.testId("errors")).contains("Give the reason for the change");
        browser.type("reason", "Once-daily dosing up to 7 mg/kg: trust guideline 2026").click("save-change");
        assertThat(browser.testId("flash")).contains("Changed Gentamicin", "(version 2)");
        assertThat(browser.testId("entry-now")).contains("80 to 500 mg", "Once-daily dosing");
        browser.act(By.cssSelector("[data-testid='earlier-version'] summary"), WebElement::click);
        assertThat(browser.testId("earlier-version")).contains("Version 1", "80 to 400 mg");
        browser.screenshot("formulary-entry-history");
        phoneShot(By.id("history"), "formulary-history-phone");
        browser.signOut();

        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/formulary/" + entry.id());
        assertThat(browser.testId("entry-now")).contains("80 to 500 mg");
        assertThat(browser.driver().findElements(By.id("change-form"))).as("a nurse does not change the formulary")
                .isEmpty();
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
