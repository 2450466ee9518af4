package org.homeward.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
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
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 (records) in Chromium at 1280 and 390 px, axe clean on every page: the patient's details with Change
 * links, a correction and its history, setting the location for visits, search, the referral form for a child, the
 * children's census and the paged audit trail.
 */
@IntegrationTest
class PatientRecordsBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired PatientService patients;

    Browser browser;
    Organisation acute;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser governance;
    VirtualWard adultWard;
    VirtualWard childrensWard;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        governance = fixtures.user(Role.GOVERNANCE, acute);
        adultWard = fixtures.ward(acute, 5, List.of(community));
        childrensWard = fixtures.ward(acute, 5, 0, 17, EnumSet.of(Pathway.PAEDIATRICS), List.of(community));
        browser = new Browser(api.baseUrl(), "patient-records");
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @Test
    void theVisitingNurseCorrectsTheDateOfBirthSetsTheLocationAndSeesTheHistory() {
        RegisterPatient d = fixtures.patientDetails(LocalDate.of(1944, 3, 2));
        PatientRecord p = patients.register(referrer, new RegisterPatient(d.nhsNumber(), "Sheila", d.familyName(),
                d.dateOfBirth(), d.sex(), d.ethnicCategory(), d.addressLine1(), null, d.town(), d.postcode(), null,
                null, null, d.gpPracticeCode(), d.gpPracticeName()));
        patients.addCarer(referrer, p.summary().id(), new AddCarer("Tom " + d.familyName(), "Son", "07700 900456", false));
        fixtures.admit(p, adultWard, referrer, consultant);
        String record = "/patients/" + p.summary().id();

        browser.signIn(nurse.username(), Fixtures.PASSWORD).open(record);
        assertThat(browser.testId("location")).contains("Not set");
        accessible("record-details");

        browser.click("change-date-of-birth");
        accessible("change-personal-details");
        browser.typeDate("dateOfBirth", java.time.LocalDate.of(1944, 3, 20)).type("reason", "Confirmed with her passport")
                .click("save-correction");
        assertThat(browser.testId("flash")).contains("Saved: Date of birth");
        assertThat(browser.testId("date-of-birth")).startsWith("20 March 1944");

        browser.click("change-location");
        browser.type("latitude", "95").type("longitude", "-2.44").click("save-correction");
        assertThat(browser.testId("errors")).contains("latitude");
        accessible("set-location-refused");
        browser.type("latitude", "50.7155").click("save-correction");
        assertThat(browser.testId("location")).isEqualTo("50.7155, -2.44");

        browser.act(By.cssSelector("#history-of-changes summary"), summary -> summary.click());
        assertThat(browser.testId("history-of-changes")).contains("2 March 1944", "20 March 1944",
                "Confirmed with her passport", nurse.displayName(), "Location");
        accessible("record-history-of-changes");

        browser.act(By.cssSelector("[data-testid='carers'] .nhsuk-summary-list__actions a"), link -> link.click());
        accessible("change-carer");
        browser.type("phone", "07700 900457").click("save-correction");
        assertThat(browser.testId("flash")).contains("phone");
    }

    @Test
    void searchTheReferralFormForAChildTheChildrensCensusAndThePagedAuditTrail() {
        String family = Fixtures.unique("Robinson");
        RegisterPatient d = fixtures.patientDetails(LocalDate.now().minusYears(8));
        PatientRecord child = patients.register(referrer, new RegisterPatient(d.nhsNumber(), "Sheila", family,
                d.dateOfBirth(), d.sex(), d.ethnicCategory(), d.addressLine1(), null, d.town(), d.postcode(), null,
                null, null, d.gpPracticeCode(), d.gpPracticeName()));

        browser.signIn(referrer.username(), Fixtures.PASSWORD).open("/patients?q=" + family + "+sheila");
        assertThat(browser.pageText()).contains(family.toUpperCase() + ", Sheila");
        accessible("search-found");
        browser.open("/patients/new");
        assertThat(browser.pageText()).doesNotContain("Latitude");
        accessible("register-no-coordinates");
        browser.open("/referrals/new?patientId=" + child.summary().id());
        assertThat(browser.text(By.id("wardId"))).contains(childrensWard.name()).doesNotContain(adultWard.name());
        accessible("referral-child-wards");
        browser.signOut();

        fixtures.admit(child, childrensWard, referrer, consultant);
        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/wards/" + childrensWard.id() + "/census");
        assertThat(browser.testId("ward-census")).doesNotContain("Frailty / delirium");
        accessible("childrens-census");
        browser.signOut();

        jdbc.sql("""
                insert into audit_event (occurred_at, username, organisation_id, organisation_name, role, action,
                    record_type, record_id, patient_id, detail)
                select now() - (n || ' seconds')::interval, ?, ?, ?, 'CLINICIAN', 'READ', 'Patient', ?, ?,
                       'viewed demographics ' || n
                from generate_series(1, 520) n""")
                .params(referrer.username(), acute.id().value(), acute.name(), child.summary().id().toString(),
                        child.summary().id().value()).update();
        browser.signIn(governance.username(), Fixtures.PASSWORD).open("/admin/audit");
        browser.type("patient", "Sheila " + family).type("username", referrer.username()).click("filter");
        assertThat(browser.testId("audit-patient")).contains(child.summary().nhsNumber().formatted());
        assertThat(browser.testId("audit-count")).startsWith("Showing 1 to 50 of");
        accessible("audit-page-1");
        browser.click("next-page");
        assertThat(browser.testId("audit-count")).startsWith("Showing 51 to 100 of");
        accessible("audit-page-2");
    }

    private void accessible(String screenshot) {
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        assertThat(Axe.violations(browser)).as("axe on " + browser.currentPath()).isEmpty();
        browser.screenshot(screenshot);
        assertThat(Axe.overflowAtPhoneWidth(browser)).as("pixels wider than 390 px on " + browser.currentPath()).isZero();
        assertThat(Axe.violations(browser)).as("axe at phone width on " + browser.currentPath()).isEmpty();
        browser.screenshot(screenshot + "-phone");
        Axe.desktop(browser);
    }
}
