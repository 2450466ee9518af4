package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Monitoring at home (issue 9, item 8): the schedule of expected sets starts at admission, so a patient who never
 * sends a reading is missed; a clinician's quiet hours hold missed-reading alerts overnight and the next set is due
 * when they end.
 */
@IntegrationTest
class MonitoringAtHomeIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired AlertService alerts;
    @Autowired TestClock clock;

    CurrentUser nurse;
    CurrentUser referrer;
    VirtualWard ward;
    PatientRecord patient;
    LocalDate day;

    @BeforeEach
    void admittedAtTenInTheMorning() {
        day = LocalDate.now().plusDays(3);
        clock.set(at(day, 10, 0));
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1941, 2, 2));
        fixtures.admit(patient, ward, referrer, consultant);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPatientWhoNeverSendsAReadingIsMissedWhenTheFirstSetIsOverdue() {
        alerts.raiseMissedReadings(at(day, 13, 59));
        assertThat(openAlerts()).as("the first set is due within 4 hours of admission").isEmpty();

        alerts.raiseMissedReadings(at(day, 14, 1));

        AlertView missed = openAlert();
        assertThat(missed.kind()).isEqualTo(AlertKind.MISSED_READING);
        assertThat(missed.reason()).contains("14:00").contains("first set after admission");
    }

    @Test
    void aSetAfterAdmissionReplacesTheFirstDueTime() {
        clock.set(at(day, 11, 0));
        send(normalSet(at(day, 10, 30)));
        alerts.raiseMissedReadings(at(day, 14, 1));
        assertThat(openAlerts()).as("NEWS2 0 at 10:30: next due 12-hourly, at 22:30").isEmpty();
        alerts.raiseMissedReadings(at(day, 22, 31));
        assertThat(openAlert().kind()).isEqualTo(AlertKind.MISSED_READING);
    }

    @Test
    void inQuietHoursNoMissedReadingAlertFiresAndTheNextSetIsDueWhenTheyEnd() {
        var set = api.put(nurse, "/api/v1/patients/" + patient.summary().id() + "/quiet-hours",
                Map.of("startsAt", "23:00", "endsAt", "07:00", "reason", "Stable; sleep matters for recovery"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        // NEWS2 2 (respiratory rate 21) at 21:00: 4-hourly, so due at 01:00, in quiet hours
        clock.set(at(day, 21, 1));
        Map<String, Object>[] mild = normalSet(at(day, 21, 0));
        mild[0] = reading("RESPIRATORY_RATE", 21, at(day, 21, 0));
        send(mild);
        assertThat(openAlerts()).isEmpty();

        alerts.raiseMissedReadings(at(day.plusDays(1), 1, 30));
        alerts.raiseMissedReadings(at(day.plusDays(1), 6, 59));
        assertThat(openAlerts()).as("readings are not expected in quiet hours").isEmpty();

        alerts.raiseMissedReadings(at(day.plusDays(1), 7, 1));
        AlertView missed = openAlert();
        assertThat(missed.kind()).isEqualTo(AlertKind.MISSED_READING);
        assertThat(missed.reason()).contains("due by 07:00");
    }

    @Test
    void withoutQuietHoursTheSameSetIsMissedInTheNight() {
        clock.set(at(day, 21, 1));
        Map<String, Object>[] mild = normalSet(at(day, 21, 0));
        mild[0] = reading("RESPIRATORY_RATE", 21, at(day, 21, 0));
        send(mild);
        alerts.raiseMissedReadings(at(day.plusDays(1), 1, 30));
        assertThat(openAlert().reason()).contains("due by 01:00");
    }

    @Test
    void quietHoursNeedTimesAReasonAndAClinicianAndLastAtMostTwelveHours() {
        String path = "/api/v1/patients/" + patient.summary().id() + "/quiet-hours";
        var noReason = api.put(nurse, path, Map.of("startsAt", "23:00", "endsAt", "07:00", "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.toString()).contains("reason");
        var badTime = api.put(nurse, path, Map.of("startsAt", "25:00", "endsAt", "07:00", "reason", "Sleep"));
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.toString()).contains("startsAt");
        var tooLong = api.put(nurse, path, Map.of("startsAt", "18:00", "endsAt", "09:00", "reason", "Sleep"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.toString()).contains("endsAt").contains("at most 12 hours");
        assertThat(api.put(referrer, path, Map.of("startsAt", "23:00", "endsAt", "07:00", "reason", "Sleep"))
                .status()).isEqualTo(403);
        assertThat(api.get(nurse, path).status()).as("nothing was written").isEqualTo(204);
    }

    // ------------------------------------------------------------------------------------------------------------

    private Instant at(LocalDate d, int hour, int minute) {
        return d.atTime(LocalTime.of(hour, minute)).atZone(clock.getZone()).toInstant();
    }

    private List<AlertView> openAlerts() {
        return alerts.openAlerts(nurse, ward.id()).stream()
                .filter(a -> a.patientId().equals(patient.summary().id())).toList();
    }

    private AlertView openAlert() {
        List<AlertView> open = openAlerts();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    @SafeVarargs
    private void send(Map<String, Object>... readings) {
        var sent = api.post(nurse, "/api/v1/observations/batch", Map.of("readings", List.of(readings)));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object>[] normalSet(Instant at) {
        return new Map[] {reading("RESPIRATORY_RATE", 16, at), reading("OXYGEN_SATURATION", 97, at),
                coded("ON_OXYGEN", "false", at), reading("SYSTOLIC_BLOOD_PRESSURE", 125, at),
                reading("HEART_RATE", 72, at), coded("CONSCIOUSNESS", "ALERT", at), reading("TEMPERATURE", 36.8, at)};
    }

    private Map<String, Object> reading(String parameter, double value, Instant at) {
        Map<String, Object> r = new HashMap<>();
        r.put("id", UUID.randomUUID().toString());
        r.put("patientId", patient.summary().id().toString());
        r.put("parameter", parameter);
        r.put("value", value);
        r.put("recordedAt", at.toString());
        return r;
    }

    private Map<String, Object> coded(String parameter, String code, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "code", code, "recordedAt", at.toString());
    }
}
