package org.homeward.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
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
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium: the referral list's triage clock marks an urgent referral past its 2-hour target as overdue, and a
 * senior revises an admission's estimated discharge date with a reason and reads the history. Both pages are axe
 * clean and fit a 390 px phone.
 */
@IntegrationTest
class FlowBrowserIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired ReferralService referrals;
    @Autowired TestClock clock;

    Browser browser;
    CurrentUser referrer;
    CurrentUser consultant;
    VirtualWard ward;

    @BeforeEach
    void setUp() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        ward = fixtures.ward(acute, 10);
        browser = new Browser(api.baseUrl(), "flow");
    }

    @AfterEach
    void tearDown() {
        browser.close();
        clock.reset();
    }

    @Test
    void theReferralListShowsAnUrgentReferralPastItsTargetAsOverdue() {
        Instant now = Instant.parse("2026-12-10T11:00:00Z");
        clock.set(now);
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1944, 4, 4));
        ReferralView urgent = referrals.refer(referrer, new CreateReferral(patient.summary().id(), ward.id(),
                ReferralDirection.STEP_UP, ReferralSource.EMERGENCY_DEPARTMENT, "Cellulitis", "IV antibiotics at home",
                Set.of(Intervention.IV_THERAPY), Urgency.URGENT, null, null, now.minus(Duration.ofMinutes(125))));

        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/referrals");

        String row = browser.text(By.cssSelector("tr[data-referral-id='" + urgent.id() + "']"));
        assertThat(row).contains("Overdue").contains("Waiting 2 h 5 min").contains("Due by 10 December 2026, 10:55");
        assertThat(browser.testId("overdue-triage")).contains("Overdue for triage")
                .containsIgnoringCase(patient.summary().familyName());
        assertThat(Axe.violations(browser)).isEmpty();
        browser.screenshot("referral-list-overdue");
        assertThat(Axe.overflowAtPhoneWidth(browser)).isZero();
        assertThat(Axe.violations(browser)).isEmpty();
        browser.screenshot("referral-list-overdue-phone");
    }

    @Test
    void aSeniorRevisesTheEstimatedDischargeDateWithAReasonAndReadsTheHistory() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1943, 3, 3));
        AdmissionView admission = fixtures.admit(patient, ward, referrer, consultant);
        LocalDate revised = admission.admissionDate().plusDays(16);

        browser.signIn(consultant.username(), Fixtures.PASSWORD).open("/admissions/" + admission.id());
        browser.setValue("estimatedDischargeDate", revised.toString()).click("save-edd");
        assertThat(browser.text(By.cssSelector("[data-testid='errors']"))).contains("Reason is required");
        assertThat(Axe.violations(browser)).isEmpty();
        scrollTo("edd-revision");
        browser.screenshot("edd-refused-without-reason");

        browser.setValue("estimatedDischargeDate", revised.toString())
                .type("reason", "Board round: osteomyelitis, six weeks of IV antibiotics agreed with microbiology")
                .click("save-edd");

        assertThat(browser.testId("flash")).contains("Estimated discharge date revised to "
                + revised.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
        assertThat(browser.testId("edd")).contains("(day 17 of the stay)").contains("osteomyelitis");
        assertThat(browser.testId("edd-history")).contains("osteomyelitis").contains(consultant.displayName());
        assertThat(Axe.violations(browser)).isEmpty();
        scrollTo("edd-history");
        browser.screenshot("edd-revised-with-history");
        assertThat(Axe.overflowAtPhoneWidth(browser)).isZero();
        assertThat(Axe.violations(browser)).isEmpty();
        scrollTo("edd-history");
        browser.screenshot("edd-revised-phone");
    }

    private void scrollTo(String testId) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(\"[data-testid='" + testId + "']\").scrollIntoView()");
    }
}
