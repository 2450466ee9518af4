package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One batch scored set-wise across patients: each patient gets the alert, schedule and audit line their own set calls
 * for, with their own ward's policy, exactly as if they had been sent one by one.
 */
@IntegrationTest
class SetWiseIngestIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired ObservationService observations;

    CurrentUser nurse;
    CurrentUser consultant;
    PatientRecord well;
    PatientRecord sick;
    PatientRecord onTightWard;
    PatientRecord onDefaultWard;

    @BeforeEach
    void admitOnTwoWards() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        VirtualWard tight = fixtures.ward(acute, 10);
        VirtualWard usual = fixtures.ward(acute, 10);
        Response policy = api.put(consultant, "/api/v1/wards/" + tight.id() + "/escalation-policy",
                Map.of("news2AlertFromTotal", 3, "reason", "Post-discharge frailty ward: alert earlier"));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        well = admitted(referrer, consultant, usual, 1944);
        sick = admitted(referrer, consultant, usual, 1945);
        onTightWard = admitted(referrer, consultant, tight, 1946);
        onDefaultWard = admitted(referrer, consultant, usual, 1947);
    }

    @Test
    void eachPatientInOneBatchGetsTheAlertTheirOwnSetAndWardPolicyCallFor() {
        Instant at = Instant.now();
        List<Map<String, Object>> readings = new ArrayList<>();
        readings.addAll(set(well, at, 16, 97, 120, 70, 37.0));       // NEWS2 0
        readings.addAll(set(sick, at, 26, 90, 88, 135, 39.5));       // 3+3+3+3+2 = 14: HIGH
        readings.addAll(set(onTightWard, at, 22, 97, 120, 95, 37.0)); // RR 21-24 = 2, HR 91-110 = 1: 3
        readings.addAll(set(onDefaultWard, at, 22, 97, 120, 95, 37.0));
        Map<String, Object> repeated = new java.util.HashMap<>(readings.get(0));
        readings.add(repeated);

        Response response = api.post(nurse, "/api/v1/observations/batch", Map.of("readings", readings));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().path("stored").asInt()).isEqualTo(20);
        assertThat(response.body().path("duplicates").asInt()).isEqualTo(1);
        assertThat(openAlert(well)).isNull();
        assertThat(openAlert(sick)).isEqualTo("HIGH");
        assertThat(openAlert(onTightWard)).isEqualTo("LOW");
        assertThat(openAlert(onDefaultWard)).isNull();
        // RCP Chart 4: 0 -> 12-hourly, 7+ -> continuous (every 15 minutes at home), 1-4 -> 4-hourly
        assertThat(intervalMinutes(well)).isEqualTo(720);
        assertThat(intervalMinutes(sick)).isEqualTo(15);
        assertThat(intervalMinutes(onTightWard)).isEqualTo(240);
        for (PatientRecord patient : List.of(well, sick, onTightWard, onDefaultWard)) {
            assertThat(jdbc.sql("select detail from audit_event where patient_id = ? and record_type = 'Observation'")
                    .param(patient.summary().id().value()).query(String.class).list())
                    .containsExactly("5 device reading(s)");
        }
    }

    @Test
    void aPatientsOwnTighterThresholdAppliesInABatchAndTheStricterOfPatientAndWardWins() {
        Response override = api.post(consultant, "/api/v1/patients/" + onDefaultWard.summary().id() + "/escalation-override",
                Map.of("news2AlertFromTotal", 2, "reason", "Deteriorated fast last admission"));
        assertThat(override.status()).as(override.toString()).isEqualTo(200);
        Response looserThanWard = api.post(consultant, "/api/v1/patients/" + onTightWard.summary().id() + "/escalation-override",
                Map.of("news2AlertFromTotal", 4, "reason", "Usually runs a NEWS2 of 3"));
        Instant at = Instant.now();
        List<Map<String, Object>> readings = new ArrayList<>();
        readings.addAll(set(onDefaultWard, at, 22, 97, 120, 70, 37.0)); // RR 21-24 = 2: NEWS2 2
        readings.addAll(set(onTightWard, at, 22, 97, 120, 95, 37.0));   // NEWS2 3

        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", readings)).status()).isEqualTo(200);

        assertThat(openAlert(onDefaultWard)).isEqualTo("LOW");
        // a patient threshold of 4 cannot loosen the ward's 3
        assertThat(looserThanWard.status()).isEqualTo(400);
        assertThat(openAlert(onTightWard)).isEqualTo("LOW");
    }

    @Test
    void anAdultWhoSaysTheyAreWorseFromHomeIsCalledBackWithinThirtyMinutes() {
        BatchResult result = observations.recordFromHome(well.summary().id(), List.of(
                IncomingReading.entered(well.summary().id(), ObservationParameter.CARER_ANSWER, "WORSE", Instant.now())));

        assertThat(result.stored()).isEqualTo(1);
        Map<String, Object> alert = jdbc.sql("""
                select severity, respond_within_minutes, reason from alert where patient_id = ? and status <> 'CLOSED'""")
                .param(well.summary().id().value()).query().singleRow();
        assertThat(alert).containsEntry("severity", "MEDIUM").containsEntry("respond_within_minutes", 30);
        assertThat((String) alert.get("reason")).startsWith("Patient reports feeling worse");
    }

    @Test
    void anAdultWhoIsNotWorseRaisesNoAlertFromTheAnswerAlone() {
        observations.recordFromHome(well.summary().id(), List.of(IncomingReading.entered(well.summary().id(),
                ObservationParameter.CARER_ANSWER, "SAME", Instant.now())));
        assertThat(openAlert(well)).isNull();
    }

    private PatientRecord admitted(CurrentUser referrer, CurrentUser consultant, VirtualWard ward, int born) {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(born, 3, 3));
        fixtures.admit(patient, ward, referrer, consultant);
        return patient;
    }

    private static List<Map<String, Object>> set(PatientRecord p, Instant at, double rr, double spo2, double systolic,
            double pulse, double temperature) {
        return List.of(number(p, "RESPIRATORY_RATE", rr, at), number(p, "OXYGEN_SATURATION", spo2, at),
                number(p, "SYSTOLIC_BLOOD_PRESSURE", systolic, at), number(p, "HEART_RATE", pulse, at),
                number(p, "TEMPERATURE", temperature, at));
    }

    private String openAlert(PatientRecord patient) {
        return jdbc.sql("select severity from alert where patient_id = ? and status <> 'CLOSED'")
                .param(patient.summary().id().value()).query(String.class).optional().orElse(null);
    }

    private int intervalMinutes(PatientRecord patient) {
        return jdbc.sql("select interval_minutes from monitoring_schedule where patient_id = ?")
                .param(patient.summary().id().value()).query(Integer.class).single();
    }

    private static Map<String, Object> number(PatientRecord p, String parameter, double value, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", p.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", at.toString());
    }
}
