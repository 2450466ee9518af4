package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
 * NEWS2 SpO2 Scale 2 (RCP 2017, Chart 1): documented per patient by a senior with who, when and why, and used to
 * score that patient's stored sets taken while it was in force; everyone else stays on Scale 1.
 */
@IntegrationTest
class Scale2IT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired ObservationService observations;

    CurrentUser consultant;
    CurrentUser nurse;
    PatientRecord copd;
    PatientRecord other;
    String scalePath;

    @BeforeEach
    void admitTwoAdults() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        VirtualWard ward = fixtures.ward(acute, 10);
        copd = fixtures.patient(referrer, LocalDate.of(1950, 5, 5));
        other = fixtures.patient(referrer, LocalDate.of(1951, 6, 6));
        fixtures.admit(copd, ward, referrer, consultant);
        fixtures.admit(other, ward, referrer, consultant);
        scalePath = "/api/v1/patients/" + copd.summary().id() + "/spo2-scale-2";
    }

    @Test
    void onScale2AnSpO2Of89OnAirScoresNothingWhileOnScale1ItIsARedScore() {
        document("Hypercapnic respiratory failure on ABG 12 Nov; target 88-92 % per respiratory team");
        Instant now = Instant.now();
        send(copd, now, 89, false);
        send(other, now, 89, false);

        // Chart 1 Scale 2: 88-92 % scores 0; Scale 1: 86-91 % scores 3 (a red score, LOW alert)
        assertThat(openAlert(copd)).isNull();
        assertThat(openAlert(other)).isEqualTo("LOW");
        ScoredSet latest = latest(copd);
        assertThat(latest.scoreName()).isEqualTo("NEWS2 (SpO2 Scale 2)");
        assertThat(latest.total()).isZero();
        assertThat(latest(other).scoreName()).isEqualTo("NEWS2");
        assertThat(latest(other).total()).isEqualTo(3);
    }

    @Test
    void onScale2HighSaturationOnOxygenScoresThreeAndTheAlertSaysWhichScale() {
        document("Type 2 respiratory failure, documented in clinic letter 3 Nov");
        send(copd, Instant.now(), 97, true);

        // Chart 1 Scale 2: >= 97 % on oxygen scores 3; on oxygen adds 2: total 5, MEDIUM
        assertThat(latest(copd).total()).isEqualTo(5);
        assertThat(jdbc.sql("select reason from alert where patient_id = ? and status <> 'CLOSED'")
                .param(copd.summary().id().value()).query(String.class).single()).contains("on SpO2 Scale 2");
    }

    @Test
    void setsKeepTheScaleThatWasInForceWhenTheyWereTaken() {
        Instant before = Instant.now().minusSeconds(60);
        send(copd, before, 90, false);
        document("Hypercapnic respiratory failure confirmed today");
        Instant during = Instant.now().plusMillis(10);
        send(copd, during, 90, false);
        Response ended = api.post(consultant, scalePath + "/end", Map.of("reason", "Repeat gas normal; back to Scale 1"));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.text("endedBy")).contains(consultant.username());
        send(copd, Instant.now().plusMillis(10), 90, false);

        List<ScoredSet> history = observations.history(consultant, copd.summary().id(), 1);
        assertThat(history).extracting(ScoredSet::scoreName)
                .containsExactly("NEWS2", "NEWS2 (SpO2 Scale 2)", "NEWS2");
        assertThat(history).extracting(ScoredSet::total).containsExactly(3, 0, 3);
        Response trail = api.get(nurse, scalePath);
        assertThat(trail.body()).hasSize(1);
        assertThat(trail.body().get(0).path("endReason").asText()).isEqualTo("Repeat gas normal; back to Scale 1");
    }

    @Test
    void onlyASeniorDocumentsItWithAReasonForAnAdultOnce() {
        assertThat(api.post(nurse, scalePath, Map.of("reason", "COPD")).status()).isEqualTo(403);
        Response noReason = api.post(consultant, scalePath, Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");

        PatientRecord child = fixtures.patient(consultant, LocalDate.now().minusYears(9));
        Response forChild = api.post(consultant, "/api/v1/patients/" + child.summary().id() + "/spo2-scale-2",
                Map.of("reason", "CF"));
        assertThat(forChild.status()).isEqualTo(400);
        assertThat(forChild.body().path("errors").get(0).path("field").asText()).isEqualTo("patient");

        document("Hypercapnic respiratory failure");
        assertThat(api.post(consultant, scalePath, Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from spo2_scale_decision where patient_id = ?")
                .param(copd.summary().id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and record_type = 'SpO2ScaleDecision' and action = 'CREATE'")
                .param(copd.summary().id().value()).query(Long.class).single()).isEqualTo(1);
        assertThat(api.post(consultant, "/api/v1/patients/" + other.summary().id() + "/spo2-scale-2/end",
                Map.of("reason", "none")).status()).isEqualTo(409);
    }

    private void document(String reason) {
        Response documented = api.post(consultant, scalePath, Map.of("reason", reason));
        assertThat(documented.status()).as(documented.toString()).isEqualTo(201);
        assertThat(documented.text("documentedBy")).contains(consultant.username());
    }

    /** A complete set with every other parameter scoring 0 (RR 16, SBP 120, HR 70, alert, 37.0). */
    private void send(PatientRecord patient, Instant at, double spo2, boolean onOxygen) {
        List<Map<String, Object>> readings = List.of(number(patient, "RESPIRATORY_RATE", 16, at),
                number(patient, "OXYGEN_SATURATION", spo2, at), code(patient, "ON_OXYGEN", String.valueOf(onOxygen), at),
                number(patient, "SYSTOLIC_BLOOD_PRESSURE", 120, at), number(patient, "HEART_RATE", 70, at),
                code(patient, "CONSCIOUSNESS", "ALERT", at), number(patient, "TEMPERATURE", 37.0, at));
        Response response = api.post(nurse, "/api/v1/observations/batch", Map.of("readings", readings));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().path("stored").asInt()).isEqualTo(7);
    }

    private ScoredSet latest(PatientRecord patient) {
        List<ScoredSet> history = observations.history(consultant, patient.summary().id(), 1);
        return history.get(history.size() - 1);
    }

    private String openAlert(PatientRecord patient) {
        return jdbc.sql("select severity from alert where patient_id = ? and status <> 'CLOSED'")
                .param(patient.summary().id().value()).query(String.class).optional().orElse(null);
    }

    private static Map<String, Object> number(PatientRecord p, String parameter, double value, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", p.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", at.toString());
    }

    private static Map<String, Object> code(PatientRecord p, String parameter, String code, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", p.summary().id().toString(),
                "parameter", parameter, "code", code, "recordedAt", at.toString());
    }
}
