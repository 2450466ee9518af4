package org.homeward.escalation;

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

/** Ward escalation policy and a senior clinician's tighter threshold for one patient, with reason and trail. */
@IntegrationTest
class EscalationPolicyIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser consultant;
    CurrentUser nurse;
    VirtualWard ward;
    PatientRecord patient;
    String policyPath;

    @BeforeEach
    void admitAPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(referrer, LocalDate.of(1947, 7, 7));
        fixtures.admit(patient, ward, referrer, consultant);
        policyPath = "/api/v1/patients/" + patient.summary().id() + "/escalation-policy";
    }

    @Test
    void withoutAPolicyTheNationalThresholdOfFiveApplies() {
        Response policy = api.get(nurse, policyPath);
        assertThat(policy.body().path("news2AlertFromTotal").asInt()).isEqualTo(5);
        assertThat(policy.text("source")).isEqualTo("national default");
        sendNews2OfThree();
        assertThat(openAlerts()).isZero();
    }

    @Test
    void aSeniorTightensOnePatientWithAReasonAndTheirNews2OfThreeThenAlerts() {
        Response tightened = api.post(consultant, "/api/v1/patients/" + patient.summary().id() + "/escalation-override",
                Map.of("news2AlertFromTotal", 3, "reason", "Deteriorated quickly on last admission; lives alone"));
        assertThat(tightened.status()).as(tightened.toString()).isEqualTo(200);
        assertThat(tightened.text("source")).isEqualTo("patient override");

        sendNews2OfThree();
        assertThat(openAlerts()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and record_type = 'EscalationPolicy'")
                .param(patient.summary().id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPolicyCanOnlyMakeAlertsComeEarlier() {
        api.put(consultant, "/api/v1/wards/" + ward.id() + "/escalation-policy",
                Map.of("news2AlertFromTotal", 4, "reason", "Frail population; alert earlier"));
        assertThat(api.get(nurse, policyPath).text("source")).isEqualTo("ward policy");

        Response looser = api.post(consultant, "/api/v1/patients/" + patient.summary().id() + "/escalation-override",
                Map.of("news2AlertFromTotal", 5, "reason", "Usually runs a NEWS2 of 4"));
        assertThat(looser.status()).isEqualTo(400);
        assertThat(looser.body().path("errors").get(0).path("field").asText()).isEqualTo("news2AlertFromTotal");
        assertThat(looser.text("detail")).contains("from 1 to 3");

        Response wardLooser = api.put(consultant, "/api/v1/wards/" + ward.id() + "/escalation-policy",
                Map.of("news2AlertFromTotal", 6, "reason", "Too many alerts"));
        assertThat(wardLooser.status()).isEqualTo(400);
    }

    @Test
    void onlySeniorsChangePoliciesAndAReasonIsRequired() {
        String override = "/api/v1/patients/" + patient.summary().id() + "/escalation-override";
        assertThat(api.post(nurse, override, Map.of("news2AlertFromTotal", 3, "reason", "worried")).status()).isEqualTo(403);
        Response noReason = api.post(consultant, override, Map.of("news2AlertFromTotal", 3));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
    }

    @Test
    void anEndedOverrideStaysOnRecordAndTheWardPolicyAppliesAgain() {
        String override = "/api/v1/patients/" + patient.summary().id() + "/escalation-override";
        api.post(consultant, override, Map.of("news2AlertFromTotal", 2, "reason", "Post-operative, first 48 hours"));
        Response ended = api.delete(consultant, override);
        assertThat(ended.text("source")).isEqualTo("national default");
        Response history = api.get(nurse, policyPath + "/history");
        assertThat(history.body().get(0).asText()).contains("NEWS2 from 2").contains("Post-operative")
                .contains("ended by " + consultant.signature());
        assertThat(api.delete(consultant, override).status()).isEqualTo(409);
    }

    private void sendNews2OfThree() {
        Instant at = Instant.now().minusSeconds(5);
        List<Map<String, Object>> readings = List.of(reading("RESPIRATORY_RATE", 22, at), reading("HEART_RATE", 100, at),
                reading("OXYGEN_SATURATION", 97, at), reading("SYSTOLIC_BLOOD_PRESSURE", 125, at),
                reading("TEMPERATURE", 37.0, at));
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", readings)).status()).isEqualTo(200);
    }

    private long openAlerts() {
        return jdbc.sql("select count(*) from alert where patient_id = ? and status <> 'CLOSED'")
                .param(patient.summary().id().value()).query(Long.class).single();
    }

    private Map<String, Object> reading(String parameter, double value, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", at.toString());
    }
}
