package org.homeward.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.CreateReferral;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralDirection;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReferralSource;
import org.homeward.referral.ReferralView;
import org.homeward.referral.TriageDecision;
import org.homeward.referral.Urgency;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages the acute trust's A03 changes, in Chromium (axe and 390 px on every page as it loads): the ward's senior
 * sees one step-down referral "Ready to admit" and another "Left the acute ward: triage now" on the referral list,
 * opens the ready one, and finds the admission form filled in from the time the patient left the acute ward.
 */
@IntegrationTest
class ReadyToAdmitBrowserIT {

    private static final DateTimeFormatter HL7 = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Autowired MllpListener listener;
    @Autowired SecurityService security;
    @Autowired Fixtures fixtures;
    @Autowired ReferralService referrals;
    @Autowired Api api;
    @Autowired Clock clock;

    Browser browser;

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSeniorSeesWhoIsReadyToAdmitAndWhoToTriageNowAndAdmitsFromTheA03Time() throws IOException {
        Organisation acute = security.organisation(EngineAccount.ensure(security).organisationId());
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser senior = fixtures.user(Role.SENIOR_DECISION_MAKER, community);
        VirtualWard ward = fixtures.ward(community, 5, List.of(acute));
        Instant left = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);

        PatientRecord ready = fixtures.patient(referrer, LocalDate.of(1938, 3, 4));
        ReferralView accepted = refer(referrer, ward, ready, Urgency.SAME_DAY);
        referrals.triage(senior, accepted.id(), new TriageDecision(TriageDecision.Outcome.ACCEPT, "Meets the criteria",
                clock.instant().minus(Duration.ofHours(3))));
        leftTheAcuteWard(ready, left);
        PatientRecord untriaged = fixtures.patient(referrer, LocalDate.of(1942, 7, 8));
        ReferralView waiting = refer(referrer, ward, untriaged, Urgency.NEXT_DAY);
        leftTheAcuteWard(untriaged, left);

        browser = new Browser(api.baseUrl(), "ready-to-admit");
        browser.signIn(senior.username(), Fixtures.PASSWORD).open("/referrals");
        String readyRow = "[data-referral-id='" + accepted.id().value() + "']";
        String waitingRow = "[data-referral-id='" + waiting.id().value() + "']";
        assertThat(browser.text(By.cssSelector(readyRow + " [data-testid=ready-to-admit]"))).startsWith("Ready to admit")
                .contains("Left the acute ward");
        assertThat(browser.text(By.cssSelector(waitingRow + " [data-testid=triage-now]")))
                .isEqualTo("Left the acute ward: triage now");
        assertThat(browser.text(By.cssSelector("[data-testid=triage-now-callout]")))
                .contains(untriaged.summary().familyName().toUpperCase());

        browser.open("/referrals/" + accepted.id().value());
        assertThat(browser.testId("ready-to-admit")).contains("Ready to admit");
        String expected = LocalDateTime.ofInstant(left, clock.getZone()).toString();
        assertThat(browser.attribute(By.id("admittedAt"), "value")).startsWith(expected);
        browser.screenshot("admission-form-from-the-a03");

        browser.open("/referrals/" + waiting.id().value());
        assertThat(browser.testId("triage-now")).contains("triage");
    }

    private ReferralView refer(CurrentUser referrer, VirtualWard ward, PatientRecord patient, Urgency urgency) {
        return referrals.refer(referrer, new CreateReferral(patient.summary().id(), ward.id(),
                ReferralDirection.STEP_DOWN, ReferralSource.INPATIENT_WARD, "Cellulitis", "IV antibiotics at home",
                Set.of(Intervention.IV_THERAPY), urgency, "Ward 7", "Dr Ngozi Okafor",
                clock.instant().minus(Duration.ofHours(4))));
    }

    private void leftTheAcuteWard(PatientRecord patient, Instant left) throws IOException {
        AdtMessages a03 = AdtMessages.a("A03");
        a03.nhsNumber = patient.summary().nhsNumber().value();
        a03.family = patient.summary().familyName();
        a03.given = patient.summary().givenName();
        a03.pv1 = StepDownAdtIT.pv1("WARD 7^BAY 1^BED 2^RBD", HL7.format(left.atZone(clock.getZone())));
        try (Mllp mllp = new Mllp(listener.port())) {
            assertThat(mllp.send(a03.text())).contains("MSA|AA|" + a03.controlId);
        }
    }
}
