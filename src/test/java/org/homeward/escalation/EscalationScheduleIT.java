package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
 * The time-driven escalation, run at chosen times: unacknowledged alerts climb the tiers (in hours to the nurse in
 * charge then the on-call senior, out of hours to the out-of-hours contact), and overdue observations raise a
 * missed-reading alert.
 */
@IntegrationTest
class EscalationScheduleIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired AlertService alerts;
    @Autowired TestClock clock;

    CurrentUser nurse;
    CurrentUser referrer;
    CurrentUser consultant;
    VirtualWard ward;
    PatientRecord patient;
    LocalDate tomorrow;

    @BeforeEach
    void admitAPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1938, 8, 8));
        fixtures.admit(patient, ward, referrer, consultant);
        // alerts start with the ward team only in the ward's hours: raise them at 10:00 whatever the time of the run
        tomorrow = LocalDate.now(clock).plusDays(1);
        clock.set(tomorrowAt(10, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void inHoursAnUnacknowledgedAlertGoesToTheNurseInChargeThenTheOnCallSeniorThenTheAccountableConsultant() {
        send(reading("RESPIRATORY_RATE", 26));
        AlertView raised = openAlert();
        assertThat(raised.tier()).isEqualTo(AlertTier.WARD_TEAM);

        Instant noonTomorrow = tomorrowAt(12, 0);
        alerts.escalateUnacknowledged(noonTomorrow);
        AlertView first = openAlert();
        assertThat(first.tier()).isEqualTo(AlertTier.NURSE_IN_CHARGE);
        assertThat(first.respondBy()).isEqualTo(noonTomorrow.plusSeconds(15 * 60));

        alerts.escalateUnacknowledged(noonTomorrow.plusSeconds(10 * 60));
        assertThat(openAlert().tier()).as("not yet overdue at its new tier").isEqualTo(AlertTier.NURSE_IN_CHARGE);

        alerts.escalateUnacknowledged(noonTomorrow.plusSeconds(16 * 60));
        assertThat(openAlert().tier()).isEqualTo(AlertTier.ON_CALL_SENIOR);
        alerts.escalateUnacknowledged(noonTomorrow.plusSeconds(32 * 60));
        assertThat(openAlert().tier()).as("above the top tier").isEqualTo(AlertTier.ACCOUNTABLE_CONSULTANT);
        alerts.escalateUnacknowledged(noonTomorrow.plusSeconds(60 * 60));
        assertThat(openAlert().tier()).as("the consultant keeps it, shown overdue").isEqualTo(AlertTier.ACCOUNTABLE_CONSULTANT);
    }

    @Test
    void outOfHoursItGoesToTheWardsOutOfHoursContact() {
        send(reading("RESPIRATORY_RATE", 26));
        alerts.escalateUnacknowledged(tomorrowAt(23, 0));
        assertThat(openAlert().tier()).isEqualTo(AlertTier.OUT_OF_HOURS_CONTACT);
    }

    @Test
    void anAcknowledgedAlertDoesNotClimbWithinItsResponseClock() {
        send(reading("RESPIRATORY_RATE", 26));
        api.post(nurse, "/api/v1/alerts/" + openAlert().id() + "/acknowledge", Map.of());
        alerts.escalateUnacknowledged(tomorrowAt(10, 59));
        assertThat(openAlert().tier()).isEqualTo(AlertTier.WARD_TEAM);
        alerts.escalateUnacknowledged(tomorrowAt(11, 1));
        assertThat(openAlert().tier()).as("no response within the hour").isEqualTo(AlertTier.NURSE_IN_CHARGE);
    }

    @Test
    void aSetThatIsDueAndDoesNotComeRaisesOneMissedReadingAlert() {
        Instant takenAt = clock.instant().minusSeconds(60);
        send(normalSet(takenAt));
        assertThat(openAlerts()).as("NEWS2 0 raises nothing").isEmpty();

        alerts.raiseMissedReadings(takenAt.plusSeconds(11 * 3600));
        assertThat(openAlerts()).as("due 12-hourly: not yet").isEmpty();

        alerts.raiseMissedReadings(takenAt.plusSeconds(12 * 3600 + 60));
        AlertView missed = openAlert();
        assertThat(missed.kind()).isEqualTo(AlertKind.MISSED_READING);
        assertThat(missed.severity()).isEqualTo(AlertSeverity.LOW);
        assertThat(missed.reason()).contains("have not come").contains("NEWS2 0");

        alerts.raiseMissedReadings(takenAt.plusSeconds(12 * 3600 + 120));
        assertThat(openAlerts()).as("one open alert per patient").hasSize(1);
    }

    @Test
    void aWorseScoreTurnsAMissedReadingAlertIntoAnEarlyWarningAlert() {
        Instant takenAt = clock.instant().minusSeconds(120);
        send(normalSet(takenAt));
        alerts.raiseMissedReadings(takenAt.plusSeconds(13 * 3600));
        assertThat(openAlert().kind()).isEqualTo(AlertKind.MISSED_READING);
        send(reading("RESPIRATORY_RATE", 30), reading("OXYGEN_SATURATION", 90), reading("HEART_RATE", 135));
        AlertView worse = openAlert();
        assertThat(worse.kind()).isEqualTo(AlertKind.EARLY_WARNING);
        assertThat(worse.severity()).isEqualTo(AlertSeverity.HIGH);
    }

    // ------------------------------------------------------------------------------------------------------------

    private Instant tomorrowAt(int hour, int minute) {
        return tomorrow.atTime(LocalTime.of(hour, minute)).atZone(clock.getZone()).toInstant();
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
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", List.of(readings))).status())
                .isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object>[] normalSet(Instant at) {
        return new Map[] {reading("RESPIRATORY_RATE", 16, at), reading("OXYGEN_SATURATION", 97, at),
                coded("ON_OXYGEN", "false", at), reading("SYSTOLIC_BLOOD_PRESSURE", 125, at),
                reading("HEART_RATE", 72, at), coded("CONSCIOUSNESS", "ALERT", at), reading("TEMPERATURE", 36.8, at)};
    }

    private Map<String, Object> reading(String parameter, double value) {
        return reading(parameter, value, clock.instant().minusSeconds(5));
    }

    private Map<String, Object> reading(String parameter, double value, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", at.toString());
    }

    private Map<String, Object> coded(String parameter, String code, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "code", code, "recordedAt", at.toString());
    }
}
