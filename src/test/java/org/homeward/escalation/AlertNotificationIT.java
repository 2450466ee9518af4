package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.notification.Channel;
import org.homeward.notification.ContactDetails;
import org.homeward.notification.NotificationProperties;
import org.homeward.notification.NotificationService;
import org.homeward.notification.NotificationStatus;
import org.homeward.notification.NotificationView;
import org.homeward.notification.NotifyStandIn;
import org.homeward.patient.PatientRecord;
import org.homeward.rota.AddOnCall;
import org.homeward.rota.OnCallTier;
import org.homeward.rota.RotaService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Escalation that reaches people: the on-call nurse is told by email (read from a real SMTP server, GreenMail) and
 * text (through GOV.UK Notify's client, against a local stand-in of its API); a message that cannot be sent is
 * retried and then escalates; out of hours an alert starts with the out-of-hours cover and hands back at opening
 * time; above the top tier is the accountable consultant; an acknowledged alert has a response clock; closing a
 * NEWS2 7+ alert needs a senior.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertNotificationIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired AlertService alerts;
    @Autowired RotaService rota;
    @Autowired NotificationService notifications;
    @Autowired NotificationProperties notificationProperties;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired TestClock clock;

    GreenMail smtp;
    NotifyStandIn notify;

    CurrentUser dayNurse;
    CurrentUser coordinator;
    CurrentUser onCallSenior;
    CurrentUser nightNurse;
    CurrentUser consultant;
    VirtualWard ward;
    PatientRecord patient;
    LocalDate day;

    @BeforeAll
    void startMailAndNotify() throws Exception {
        smtp = new GreenMail(new ServerSetup(mailSender.getPort(), mailSender.getHost(), ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        notify = new NotifyStandIn(notificationProperties.sms().baseUrl());
    }

    @AfterAll
    void stopMailAndNotify() {
        smtp.stop();
        notify.close();
    }

    @BeforeEach
    void aWardWithItsOnCallRotaAndAnAdmittedPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        dayNurse = fixtures.user(Role.CLINICIAN, acute);
        nightNurse = fixtures.user(Role.CLINICIAN, acute);
        coordinator = fixtures.user(Role.COORDINATOR, acute);
        onCallSenior = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1940, 2, 2));
        fixtures.admit(patient, ward, referrer, consultant);
        day = LocalDate.now(clock).plusDays(2);
        for (int d = -1; d <= 1; d++) {
            LocalDate date = day.plusDays(d);
            onCall(OnCallTier.WARD_TEAM, dayNurse, at(date, 8, 0), at(date, 20, 0));
            onCall(OnCallTier.NURSE_IN_CHARGE, coordinator, at(date, 8, 0), at(date, 20, 0));
            onCall(OnCallTier.ON_CALL_SENIOR, onCallSenior, at(date, 0, 0), at(date.plusDays(1), 0, 0));
            onCall(OnCallTier.OUT_OF_HOURS_CONTACT, nightNurse, at(date, 20, 0), at(date.plusDays(1), 8, 0));
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theOnCallNurseGetsAnEmailWhenAnAlertIsRaised() throws Exception {
        String address = Fixtures.unique("nurse") + "@nhs.test";
        notifications.saveContact(dayNurse.id(), new ContactDetails(address, null));
        clock.set(at(day, 10, 0));

        sendHighNews2();

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipient(m).equals(address)).findFirst().orElseThrow();
        assertThat(mail.getSubject()).contains("HIGH alert").contains(ward.name());
        String text = mail.getContent().toString();
        assertThat(text).contains("emergency response threshold").contains("/alerts");
        assertThat(text).as("no patient identifiers leave by email")
                .doesNotContain(patient.summary().familyName()).doesNotContain(patient.summary().nhsNumber().value());
        assertThat(messagesTo(dayNurse, Channel.EMAIL)).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
        assertThat(messagesTo(dayNurse, Channel.IN_APP)).hasSize(1);
        assertThat(api.get(dayNurse, "/api/v1/notifications").body().get(0).path("subject").asText())
                .contains("HIGH alert");
    }

    @Test
    void theOnCallNurseGetsATextThroughNotify() {
        String mobile = "07700900" + (100 + (int) (Math.random() * 800));
        notifications.saveContact(dayNurse.id(), new ContactDetails(null, mobile));
        clock.set(at(day, 10, 0));

        sendHighNews2();

        List<NotifyStandIn.Received> texts = notify.receivedFor(mobile);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).authorization()).startsWith("Bearer ey");
        assertThat(texts.get(0).body().path("template_id").asText()).isEqualTo(notificationProperties.sms().templateId());
        assertThat(texts.get(0).body().path("personalisation").path("message").asText()).contains("HIGH alert");
        assertThat(messagesTo(dayNurse, Channel.SMS)).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
    }

    @Test
    void aTextThatCannotBeSentIsRetriedThenTheAlertEscalatesAndEveryAttemptIsRecorded() {
        String mobile = "07700900" + (100 + (int) (Math.random() * 800));
        notify.failFor(mobile);
        notifications.saveContact(dayNurse.id(), new ContactDetails(null, mobile));
        Instant raisedAt = at(day, 10, 0);
        clock.set(raisedAt);

        sendHighNews2();
        NotificationView first = messagesTo(dayNurse, Channel.SMS).get(0);
        assertThat(first.status()).as("tried once at commit, waiting to retry").isEqualTo(NotificationStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("500");

        notifications.sendDue(raisedAt.plusSeconds(30));
        assertThat(messagesTo(dayNurse, Channel.SMS).get(0).attempts()).as("not due yet: backoff").isEqualTo(1);
        notifications.sendDue(raisedAt.plusSeconds(60));
        assertThat(messagesTo(dayNurse, Channel.SMS).get(0).attempts()).isEqualTo(2);
        assertThat(openAlert().tier()).isEqualTo(AlertTier.WARD_TEAM);

        clock.set(raisedAt.plusSeconds(180));
        notifications.sendDue(raisedAt.plusSeconds(180));
        NotificationView failed = messagesTo(dayNurse, Channel.SMS).get(0);
        assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("Gave up after 3 attempts");
        assertThat(notify.receivedFor(mobile)).hasSize(3);

        assertThat(openAlert().tier()).as("a failed message escalates").isEqualTo(AlertTier.NURSE_IN_CHARGE);
        var record = api.get(coordinator, "/api/v1/alerts/" + openAlert().id() + "/notifications").body();
        assertThat(record.findValuesAsText("status")).as("the delivery record, open to the team")
                .contains("FAILED", "DELIVERED");
        assertThat(record.findValuesAsText("channel")).contains("SMS", "IN_APP");
        assertThat(messagesTo(coordinator, Channel.IN_APP)).singleElement()
                .satisfies(n -> assertThat(n.subject()).contains("could not be sent"));
    }

    @Test
    void anAlertRaisedOutOfHoursStartsWithTheOutOfHoursCover() {
        clock.set(at(day, 23, 0));

        sendHighNews2();

        assertThat(openAlert().tier()).isEqualTo(AlertTier.OUT_OF_HOURS_CONTACT);
        assertThat(messagesTo(nightNurse, Channel.IN_APP)).hasSize(1);
        assertThat(messagesTo(dayNurse, Channel.IN_APP)).as("the day team is not there").isEmpty();
    }

    @Test
    void atOpeningTimeAnOutOfHoursAlertHandsBackToTheDayTeamWhoAreTold() {
        clock.set(at(day, 23, 0));
        sendHighNews2();
        UUID id = openAlert().id();
        clock.set(at(day.plusDays(1), 7, 0));
        api.post(nightNurse, "/api/v1/alerts/" + id + "/acknowledge", Map.of());

        alerts.handBackAtOpening(at(day.plusDays(1), 7, 59));
        assertThat(openAlert().tier()).as("still out of hours at 07:59").isEqualTo(AlertTier.OUT_OF_HOURS_CONTACT);

        clock.set(at(day.plusDays(1), 8, 0));
        assertThat(alerts.handBackAtOpening(at(day.plusDays(1), 8, 0))).isGreaterThanOrEqualTo(1);
        AlertView handedBack = openAlert();
        assertThat(handedBack.tier()).isEqualTo(AlertTier.WARD_TEAM);
        assertThat(handedBack.status()).as("acknowledged stays acknowledged").isEqualTo(AlertStatus.ACKNOWLEDGED);
        assertThat(messagesTo(dayNurse, Channel.IN_APP)).singleElement()
                .satisfies(n -> assertThat(n.subject()).contains("handed back"));
    }

    @Test
    void unacknowledgedPastTheTopTierItReachesThePatientsAccountableConsultant() {
        Instant raisedAt = at(day, 10, 0);
        clock.set(raisedAt);
        sendHighNews2();

        Instant t = raisedAt.plusSeconds(31 * 60);
        clock.set(t);
        alerts.escalateUnacknowledged(t);
        assertThat(openAlert().tier()).isEqualTo(AlertTier.NURSE_IN_CHARGE);
        t = t.plusSeconds(16 * 60);
        clock.set(t);
        alerts.escalateUnacknowledged(t);
        assertThat(openAlert().tier()).isEqualTo(AlertTier.ON_CALL_SENIOR);
        assertThat(messagesTo(onCallSenior, Channel.IN_APP)).hasSize(1);
        t = t.plusSeconds(16 * 60);
        clock.set(t);
        alerts.escalateUnacknowledged(t);

        assertThat(openAlert().tier()).isEqualTo(AlertTier.ACCOUNTABLE_CONSULTANT);
        assertThat(messagesTo(consultant, Channel.IN_APP)).singleElement()
                .satisfies(n -> assertThat(n.subject()).contains("not acknowledged in time"));
    }

    @Test
    void anAcknowledgedAlertWithNoResponseEscalatesWhenItsResponseClockRunsOut() {
        Instant raisedAt = at(day, 10, 0);
        clock.set(raisedAt);
        sendHighNews2();
        UUID id = openAlert().id();
        clock.set(raisedAt.plusSeconds(5 * 60));
        api.post(dayNurse, "/api/v1/alerts/" + id + "/acknowledge", Map.of());
        assertThat(openAlert().respondBy()).as("NEWS2 7+: respond within 30 minutes of acknowledging")
                .isEqualTo(raisedAt.plusSeconds(35 * 60));

        alerts.escalateUnacknowledged(raisedAt.plusSeconds(34 * 60));
        assertThat(openAlert().tier()).isEqualTo(AlertTier.WARD_TEAM);

        Instant late = raisedAt.plusSeconds(36 * 60);
        clock.set(late);
        alerts.escalateUnacknowledged(late);
        assertThat(openAlert().tier()).isEqualTo(AlertTier.NURSE_IN_CHARGE);
        assertThat(messagesTo(coordinator, Channel.IN_APP)).singleElement()
                .satisfies(n -> assertThat(n.subject()).contains("no response recorded"));
    }

    @Test
    void aNurseCannotCloseANews2SevenAlertASeniorCan() {
        clock.set(at(day, 10, 0));
        sendHighNews2();
        UUID id = openAlert().id();
        api.post(dayNurse, "/api/v1/alerts/" + id + "/acknowledge", Map.of());
        api.post(dayNurse, "/api/v1/alerts/" + id + "/response", Map.of("action", "VISIT", "note", "Seen at home"));

        Api.Response refused = api.post(dayNurse, "/api/v1/alerts/" + id + "/close", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("senior decision-maker");
        assertThat(openAlert().status()).isEqualTo(AlertStatus.RESPONDED);

        assertThat(api.post(consultant, "/api/v1/alerts/" + id + "/close", Map.of()).text("status")).isEqualTo("CLOSED");
    }

    // ------------------------------------------------------------------------------------------------------------

    private void onCall(OnCallTier tier, CurrentUser person, Instant from, Instant to) {
        rota.add(coordinator, new AddOnCall(ward.id(), tier, person.username(), from, to));
    }

    private Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(clock.getZone()).toInstant();
    }

    private List<NotificationView> messagesTo(CurrentUser person, Channel channel) {
        return notifications.aboutAlert(openOrLastAlertId()).stream()
                .filter(n -> n.recipientId().equals(person.id()) && n.channel() == channel).toList();
    }

    private UUID lastAlert;

    private UUID openOrLastAlertId() {
        List<AlertView> open = openAlerts();
        if (!open.isEmpty()) {
            lastAlert = open.get(0).id();
        }
        return lastAlert;
    }

    private List<AlertView> openAlerts() {
        return alerts.openAlerts(consultant, ward.id()).stream()
                .filter(a -> a.patientId().equals(patient.summary().id())).toList();
    }

    private AlertView openAlert() {
        List<AlertView> open = openAlerts();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RR 30, SpO2 90, heart rate 135: NEWS2 7 or more, HIGH, respond within 30 minutes. */
    private void sendHighNews2() {
        Instant at = clock.instant().minusSeconds(5);
        List<Map<String, Object>> readings = List.of(reading("RESPIRATORY_RATE", 30, at),
                reading("OXYGEN_SATURATION", 90, at), reading("HEART_RATE", 135, at));
        assertThat(api.post(dayNurse, "/api/v1/observations/batch", Map.of("readings", readings)).status()).isEqualTo(200);
        assertThat(openAlert().severity()).isEqualTo(AlertSeverity.HIGH);
    }

    private Map<String, Object> reading(String parameter, double value, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", at.toString());
    }
}
