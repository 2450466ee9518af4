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
 * The medicines journey in Chromium (every page checked with axe and at 390 px as it loads): the acute consultant
 * records a penicillin allergy (moderate rash), prescribes IV ceftriaxone 2 g once daily at 08:00 for pneumonia (a
 * moderate penicillin allergy does not cross-match a cephalosporin: {@link PrescribingRules#allergyConflict}), is
 * refused co-amoxiclav for the allergy with a box to confirm with a reason; the acute pharmacist finds the screening
 * task on the worklist and screens it; the community nurse sees the allergy on the banner and the chart screened.
 */
@IntegrationTest
class MedicinesBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired FormularyService formulary;

    Browser browser;
    CurrentUser consultant;
    CurrentUser pharmacist;
    CurrentUser nurse;
    PatientRecord patient;
    String strength;

    @BeforeEach
    void admitAPatientAndKeepAFormulary() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1944, 2, 11));
        fixtures.admit(patient, ward, referrer, consultant);
        strength = Fixtures.unique("vial ");
        formulary.add(pharmacist, new SaveFormularyEntry("Ceftriaxone", "powder for solution for injection", strength,
                EnumSet.of(Route.INTRAVENOUS), DoseUnit.G, BigDecimal.ONE, new BigDecimal("4"), new BigDecimal("50"),
                new BigDecimal("80"), new BigDecimal("4"), true, false, false, true, SubstanceClass.CEPHALOSPORINS,
                null, null, "BNF, Ceftriaxone", null));
        formulary.add(pharmacist, new SaveFormularyEntry("Co-amoxiclav", "powder for solution for injection",
                strength, EnumSet.of(Route.INTRAVENOUS), DoseUnit.MG, new BigDecimal("1200"), new BigDecimal("1200"),
                new BigDecimal("30"), new BigDecimal("30"), new BigDecimal("1200"), true, false, false, true,
                SubstanceClass.PENICILLINS, null, null, "BNF, Co-amoxiclav", null));
        browser = new Browser(api.baseUrl(), "medicines");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void theConsultantPrescribesThePharmacistScreensAndTheNurseSeesTheAllergy() {
        String record = "/patients/" + patient.summary().id();
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open(record);
        assertThat(browser.testId("banner-allergies")).isEqualTo("Not recorded");
        browser.click("open-medicines");
        assertThat(browser.currentPath()).isEqualTo(record + "/medicines");
        assertThat(browser.testId("allergy-status")).isEqualTo("Not recorded");

        browser.type("substance", "Penicillin").type("reaction", "Widespread itchy rash on day 3 of amoxicillin")
                .select("severity", "Moderate").select("certainty", "Confirmed").select("kind", "Allergy")
                .click("save-allergy");
        assertThat(browser.testId("flash")).isEqualTo("Allergy recorded: Penicillin (moderate)");
        assertThat(browser.testId("banner-allergies")).contains("Penicillin (moderate)");
        assertThat(browser.testId("allergy")).contains("Penicillin (penicillins)", "Moderate");

        browser.click("prescribe").selectContaining("formularyEntryId", "Ceftriaxone").type("dose", "2")
                .select("doseUnit", "g").select("route", "Intravenous").select("frequency", "Once daily")
                .type("times", "08:00").type("indication", "Community-acquired pneumonia").click("save-prescription");
        assertThat(browser.testId("flash")).contains("Prescribed Ceftriaxone 2 g", "awaiting pharmacist screening");
        assertThat(browser.testId("prescription-medicine")).isEqualTo("Ceftriaxone 2 g intravenous");
        assertThat(browser.testId("prescription-times")).isEqualTo("Once daily at 08:00");
        assertThat(browser.testId("prescription-screening")).contains("Awaiting pharmacist screening");

        browser.click("prescribe").selectContaining("formularyEntryId", "Co-amoxiclav").type("dose", "1.2")
                .select("doseUnit", "g").select("route", "Intravenous").select("frequency", "Once daily")
                .type("times", "08:00").type("indication", "Aspiration pneumonia").click("save-prescription");
        assertThat(browser.testId("errors")).contains("Co-amoxiclav conflicts with the patient's recorded allergy",
                "Penicillin");
        assertThat(browser.testId("confirm-checks")).contains("Confirm with a reason");
        browser.signOut();

        browser.signIn(pharmacist.username(), Fixtures.PASSWORD).open("/tasks");
        assertThat(browser.testId("worklist")).contains("Screen the prescription: Ceftriaxone 2 g intravenous");
        browser.open(record + "/medicines");
        browser.act(By.cssSelector("[id^='screened-']"), WebElement::click);
        assertThat(browser.testId("flash")).isEqualTo("Ceftriaxone: screened by pharmacist");
        assertThat(browser.testId("prescription-screening")).contains("Screened by pharmacist",
                pharmacist.displayName());
        browser.open("/tasks");
        assertThat(browser.pageText()).doesNotContain("Screen the prescription: Ceftriaxone");
        browser.signOut();

        browser.signIn(nurse.username(), Fixtures.PASSWORD).open(record);
        assertThat(browser.testId("banner-allergies")).contains("Allergies", "Penicillin (moderate)");
        browser.click("open-medicines");
        assertThat(browser.testId("prescription-screening")).contains("Screened by pharmacist");
        assertThat(browser.driver().findElements(By.id("prescribe"))).as("a nurse does not prescribe").isEmpty();
    }
}
