package org.homeward.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.rota.AddOnCall;
import org.homeward.rota.OnCallTier;
import org.homeward.rota.RotaService;
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
 * The in-app side of escalation in Chromium: the nurse on call sees the count in the header and the alert on the
 * notifications page, marks them read; anyone sees who is on call. Each page is axe clean (WCAG 2.2 A and AA) and no
 * wider than a 390 px phone.
 */
@IntegrationTest
class NotificationsBrowserIT {


    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired RotaService rota;
    @Autowired TestClock clock;

    Browser browser;
    CurrentUser nurse;
    PatientRecord patient;
    VirtualWard ward;

    @BeforeEach
    void aNurseOnCallForAWard() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser coordinator = fixtures.user(Role.COORDINATOR, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1941, 3, 3));
        fixtures.admit(patient, ward, referrer, consultant);
        LocalDate day = LocalDate.now(clock).plusDays(3);
        clock.set(day.atTime(LocalTime.of(10, 0)).atZone(clock.getZone()).toInstant());
        rota.add(coordinator, new AddOnCall(ward.id(), OnCallTier.WARD_TEAM, nurse.username(),
                day.atTime(8, 0).atZone(clock.getZone()).toInstant(), day.atTime(20, 0).atZone(clock.getZone()).toInstant()));
        browser = new Browser(api.baseUrl(), "notifications");
    }

    @AfterEach
    void tearDown() {
        browser.close();
        clock.reset();
    }

    @Test
    void theNurseOnCallSeesTheAlertInTheAppAndThePagesAreAccessibleOnAPhone() {
        Instant at = clock.instant().minusSeconds(5);
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", List.of(
                reading("RESPIRATORY_RATE", 30, at), reading("OXYGEN_SATURATION", 90, at), reading("HEART_RATE", 135, at))))
                .status()).isEqualTo(200);

        browser.signIn(nurse.username(), Fixtures.PASSWORD).open("/notifications");
        assertThat(browser.testId("unread-notifications")).isEqualTo("1");
        String list = browser.text(By.cssSelector("[data-testid='notifications']"));
        assertThat(list).contains("HIGH alert").contains(ward.name()).contains("emergency response threshold");
        browser.screenshot("notifications-desktop");
        assertThat(Axe.violations(browser)).isEmpty();
        assertThat(Axe.overflowAtPhoneWidth(browser)).as("pixels wider than a 390 px phone").isZero();
        assertThat(browser.testId("unread-notifications")).as("the unread count stays in sight on a phone, not in \"More\"")
                .isEqualTo("1");
        browser.screenshot("notifications-phone");

        browser.click("mark-all-read");
        assertThat(browser.pageText()).contains("1 notification marked as read");
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='unread-notifications']"))).isEmpty();

        browser.open("/on-call");
        assertThat(browser.text(By.id("on-call"))).contains(nurse.displayName()).contains("Ward team").contains(ward.name());
        assertThat(Axe.violations(browser)).isEmpty();
        assertThat(Axe.overflowAtPhoneWidth(browser)).isZero();
        browser.screenshot("on-call-phone");
    }

    private Map<String, Object> reading(String parameter, double value, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", at.toString());
    }
}
