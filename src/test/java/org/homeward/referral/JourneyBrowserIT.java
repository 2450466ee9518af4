package org.homeward.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole virtual-ward journey in headless Chromium, as the people who do it: an administrator opens a ward, a
 * referrer registers a patient and refers, a consultant triages, admits, reads the census and discharges, the
 * referrer sees the decision, and a governance lead finds it all in the audit trail. Screenshots of every step are
 * kept in target/screenshots/journey.
 */
@IntegrationTest
class JourneyBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Browser browser;
    CurrentUser admin;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser governance;

    @BeforeEach
    void setUp() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        admin = fixtures.user(Role.ADMIN, acute);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        governance = fixtures.user(Role.GOVERNANCE, acute);
        browser = new Browser(api.baseUrl(), "journey");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void aPatientGoesFromReferralToDischargeThroughThePages() {
        String wardName = Fixtures.unique("Frailty Virtual Ward");
        String familyName = Fixtures.unique("Hardy");
        String nhsNumber = Fixtures.newNhsNumber();

        // 2. Virtual ward: the administrator opens it, and a ward that closes at 18:00 is refused
        browser.signIn(admin.username(), Fixtures.PASSWORD).open("/wards/new");
        browser.type("name", wardName).check("Adult frailty").check("Respiratory")
                .selectContaining("hostOrganisationId", admin.organisationName())
                .type("bedCapacity", "12").setValue("opensAt", "08:00").setValue("closesAt", "18:00")
                .type("outOfHoursContact", "Acute medical registrar on call").type("outOfHoursPhone", "01305 255 000").type("inHoursPhone", "01632 960 000")
                .type("minAgeYears", "18").type("maxAgeYears", "130")
                .type("admissionCriteria", "Acutely unwell adults safe at home with daily visits").click("save-ward");
        assertThat(browser.testId("errors")).contains("20:00");
        browser.screenshot("ward-refused-short-hours");
        browser.setValue("closesAt", "20:00").click("save-ward");
        assertThat(browser.testId("flash")).contains("Opened " + wardName + " with 12 beds");
        browser.screenshot("ward-opened");
        browser.signOut();

        // 1. Patient: the referrer registers them; a wrong check digit is refused first
        browser.signIn(referrer.username(), Fixtures.PASSWORD).open("/patients/new");
        String wrongCheckDigit = nhsNumber.substring(0, 9) + ((nhsNumber.charAt(9) - '0' + 1) % 10);
        browser.type("nhsNumber", wrongCheckDigit).type("givenName", "Thomas").type("familyName", familyName)
                .typeDate("dateOfBirth", java.time.LocalDate.of(1938, 4, 2)).select("sex", "Male").select("ethnicCategory", "White - British")
                .type("addressLine1", "3 Max Gate Lane").type("town", "Dorchester").type("postcode", "dt1 2aa")
                .type("gpPracticeCode", "J81012")
                .type("gpPracticeName", "Dorchester Health Centre").click("save-patient");
        assertThat(browser.testId("errors")).contains("check digit");
        browser.screenshot("patient-refused-check-digit");
        browser.type("nhsNumber", nhsNumber).click("save-patient");
        assertThat(browser.testId("patient-name")).isEqualTo(familyName.toUpperCase() + ", Thomas");
        browser.screenshot("patient-registered");

        browser.click("add-carer").type("name", "Florence " + familyName).type("relationship", "Wife")
                .type("phone", "07700 900123").check("No").click("save-carer");
        assertThat(browser.text(By.cssSelector("[data-testid='carers']"))).contains("Florence " + familyName);

        // 3. Referral: step-up from the GP
        browser.click("refer").selectContaining("wardId", wardName).select("direction", "Step-up")
                .select("source", "GP / primary care").select("urgency", "Same day")
                .type("presentingCondition", "Community-acquired pneumonia")
                .type("reason", "CURB-65 of 1, needs IV antibiotics and oxygen; wife at home")
                .check("IV therapy").check("Oxygen").screenshot("referral-form");
        browser.click("send-referral");
        assertThat(browser.testId("referral-status")).isEqualTo("Awaiting triage");
        String referralPath = browser.currentPath();
        browser.screenshot("referral-sent");
        browser.signOut();

        // 4. Triage: the consultant accepts against the criteria
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/referrals");
        browser.clickLink(familyName.toUpperCase() + ", Thomas");
        assertThat(browser.pageText()).contains("Acutely unwell adults safe at home with daily visits");
        browser.click("save-triage");
        assertThat(browser.testId("errors")).contains("Outcome is required: accept or decline the referral")
                .contains("Reason is required").doesNotContain("ACCEPT");
        browser.check("Accept").type("reason", "Meets criteria: pneumonia, stable observations, NEWS2 3")
                .click("save-triage");
        assertThat(browser.testId("referral-status")).isEqualTo("Accepted");
        browser.screenshot("referral-accepted");

        // 5. Admission: accountable clinician, consent and shared decision, EDD
        String edd = LocalDate.now().plusDays(5).toString();
        browser.setValue("estimatedDischargeDate", edd).check("Yes").select("consentGivenBy", "The patient")
                .type("sharedDecisionRecord", "Discussed home IV treatment and the risks; Mr Hardy and his wife prefer home")
                .click("save-admission");
        assertThat(browser.testId("errors")).contains("Benefits and risks discussed must be confirmed").doesNotContain("KLoE");
        browser.check("Benefits and risks of care at home, including the home and the carer's circumstances, were discussed")
                .click("save-admission");
        assertThat(browser.testId("accountable")).isEqualTo(consultant.displayName());
        String admissionPath = browser.currentPath();
        browser.screenshot("admitted");

        // 6. Ward census
        browser.open("/").clickLink(wardName);
        assertThat(browser.testId("ward-occupancy")).startsWith("1 of 12 beds occupied");
        String row = browser.text(By.cssSelector("[data-testid='ward-census'] tbody tr"));
        assertThat(row).contains(familyName.toUpperCase()).contains(consultant.displayName())
                .contains(LocalDate.parse(edd).format(DateTimeFormatter.ofPattern("d MMM")));
        browser.screenshot("census");

        // 7. Discharge
        browser.open(admissionPath).select("destination", "Usual place of residence")
                .type("onwardReferrals", "Community respiratory team follow-up in 2 weeks")
                .type("summary", "Pneumonia treated with 3 days IV then oral amoxicillin. Oxygen weaned. No medicines changed.")
                .click("save-discharge");
        assertThat(browser.testId("flash")).contains("Discharged to Usual place of residence after 0 days");
        assertThat(browser.testId("discharge-summary")).contains("Oxygen weaned");
        browser.screenshot("discharge-summary");
        browser.open("/").clickLink(wardName);
        assertThat(browser.testId("ward-occupancy")).startsWith("0 of 12 beds occupied");
        browser.signOut();

        // The referrer sees the decision
        browser.signIn(referrer.username(), Fixtures.PASSWORD).open("/referrals");
        assertThat(browser.text(By.cssSelector("[data-testid='my-referrals']")))
                .contains("Meets criteria: pneumonia, stable observations, NEWS2 3");
        browser.open(referralPath);
        assertThat(browser.testId("triage-decision")).contains("Accepted by " + consultant.displayName());
        browser.screenshot("referrer-sees-decision");
        browser.signOut();

        // Governance finds the reads and changes in the audit trail
        browser.signIn(governance.username(), Fixtures.PASSWORD).open("/admin/audit?username=" + consultant.username());
        String audit = browser.text(By.cssSelector("[data-testid='audit-entries']"));
        assertThat(audit).contains("Created").contains("Changed").contains("Read").contains("admitted to " + wardName);
        browser.screenshot("audit-trail");

        assertThat(jdbc.sql("select count(*) from admission a join referral r on r.id = a.referral_id "
                + "where a.discharged_at is not null and r.triage_reason like 'Meets criteria: pneumonia%'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
