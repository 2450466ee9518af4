package org.homeward.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Alerts raised by readings, in the readings' transaction, and moved through their lifecycle by the team. */
@IntegrationTest
class AlertIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser nurse;
    PatientRecord patient;

    @BeforeEach
    void setUp() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        nurse = fixtures.user(Role.CLINICIAN, community);
        patient = fixtures.patient(nurse, LocalDate.of(1945, 4, 4));
    }

    @Test
    void aNews2OfSevenRaisesAHighAlertWithAThirtyMinuteDeadline() {
        assertThat(send(reading("RESPIRATORY_RATE", 21), reading("OXYGEN_SATURATION", 92), coded("ON_OXYGEN", "true"),
                reading("HEART_RATE", 95), reading("SYSTOLIC_BLOOD_PRESSURE", 120), coded("CONSCIOUSNESS", "ALERT"),
                reading("TEMPERATURE", 37.0)).status()).isEqualTo(200);
        JsonAlert alert = onlyOpenAlert();
        assertThat(alert.severity()).isEqualTo("HIGH");
        assertThat(alert.scoreTotal()).isEqualTo(7);
        assertThat(Duration.between(alert.raisedAt(), alert.respondBy())).isEqualTo(Duration.ofMinutes(30));
        assertThat(alert.status()).isEqualTo("RAISED");
    }

    @Test
    void aWorseReadingRaisesTheOpenAlertInsteadOfOpeningAnother() {
        send(reading("RESPIRATORY_RATE", 25), coded("CONSCIOUSNESS", "ALERT"));
        JsonAlert first = onlyOpenAlert();
        assertThat(first.severity()).isEqualTo("LOW");
        acknowledge(first.id());

        send(reading("RESPIRATORY_RATE", 25), reading("OXYGEN_SATURATION", 91), reading("HEART_RATE", 135));
        JsonAlert raised = onlyOpenAlert();
        assertThat(raised.id()).isEqualTo(first.id());
        assertThat(raised.severity()).isEqualTo("HIGH");
        assertThat(raised.status()).as("to be acknowledged again at its new level").isEqualTo("RAISED");

        send(reading("RESPIRATORY_RATE", 16), reading("OXYGEN_SATURATION", 97), reading("HEART_RATE", 70));
        assertThat(onlyOpenAlert().severity()).as("a better reading does not close or lower it").isEqualTo("HIGH");
    }

    @Test
    void movesThroughAcknowledgedRespondedClosedInOrder() {
        send(reading("RESPIRATORY_RATE", 26));
        UUID id = onlyOpenAlert().id();
        Response early = api.post(nurse, "/api/v1/alerts/" + id + "/response", Map.of("action", "PHONE_CALL"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("detail")).contains("Acknowledge it first");

        acknowledge(id);
        Response responded = api.post(nurse, "/api/v1/alerts/" + id + "/response",
                Map.of("action", "VISIT", "note", "Visited: chest clear, RR 18 on recount"));
        assertThat(responded.text("status")).isEqualTo("RESPONDED");
        assertThat(responded.text("responseAction")).isEqualTo("VISIT");
        assertThat(api.post(nurse, "/api/v1/alerts/" + id + "/close", Map.of()).text("status")).isEqualTo("CLOSED");
        assertThat(openAlerts()).isEmpty();

        send(reading("RESPIRATORY_RATE", 27));
        assertThat(onlyOpenAlert().id()).as("a new alert after the last was closed").isNotEqualTo(id);
    }

    @Test
    void anotherOrganisationsNurseNeitherSeesNorHandlesTheAlert() {
        send(reading("RESPIRATORY_RATE", 26));
        UUID id = onlyOpenAlert().id();
        CurrentUser outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        assertThat(api.get(outsider, "/api/v1/alerts").body().toString()).doesNotContain(id.toString());
        assertThat(api.post(outsider, "/api/v1/alerts/" + id + "/acknowledge", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void readingsAndTheirAlertCommitTogetherOrNotAtAll() {
        String patientId = patient.summary().id().toString();
        jdbc.sql("""
                create function fail_alert_for_test() returns trigger language plpgsql as $$
                begin
                    if new.patient_id = '%s' then raise exception 'alert store unavailable (test)'; end if;
                    return new;
                end; $$""".formatted(patientId)).update();
        jdbc.sql("create trigger fail_alert_for_test before insert on alert for each row execute function fail_alert_for_test()")
                .update();
        try {
            Response failed = send(reading("RESPIRATORY_RATE", 30));
            assertThat(failed.status()).isEqualTo(500);
            assertThat(jdbc.sql("select count(*) from observation_reading where patient_id = ?::uuid")
                    .param(patientId).query(Long.class).single()).as("no reading without its alert").isZero();
        } finally {
            jdbc.sql("drop trigger fail_alert_for_test on alert").update();
            jdbc.sql("drop function fail_alert_for_test()").update();
        }
        assertThat(send(reading("RESPIRATORY_RATE", 30)).status()).isEqualTo(200);
        assertThat(onlyOpenAlert().severity()).isEqualTo("LOW");
    }

    /** Hazard H169: a late set is scored as it stood at its own time; it raises and worsens, never lowers. */
    @Test
    void aSetEnteredAfterANewerOneIsScoredAsItStoodThenAndRaisesItsAlert() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        send(at(now.minusSeconds(600), reading("RESPIRATORY_RATE", 16), reading("OXYGEN_SATURATION", 97),
                reading("HEART_RATE", 70)));
        send(at(now.minus(Duration.ofHours(2)), reading("RESPIRATORY_RATE", 18), reading("HEART_RATE", 80)));
        assertThat(openAlerts()).as("a late normal set raises nothing").isEmpty();

        send(at(now.minus(Duration.ofHours(1)), reading("RESPIRATORY_RATE", 25)));
        JsonAlert low = onlyOpenAlert();
        assertThat(low.severity()).as("RR 25 scores 3 in one parameter").isEqualTo("LOW");
        assertThat(reasonOf(low.id())).contains("a set entered late: taken ");

        send(at(now.minus(Duration.ofMinutes(90)), reading("RESPIRATORY_RATE", 25), reading("OXYGEN_SATURATION", 91),
                reading("HEART_RATE", 135)));
        JsonAlert high = onlyOpenAlert();
        assertThat(high.id()).isEqualTo(low.id());
        assertThat(high.severity()).as("a worse late set worsens the open alert").isEqualTo("HIGH");
        assertThat(high.status()).isEqualTo("RAISED");

        send(at(now.minus(Duration.ofMinutes(100)), reading("RESPIRATORY_RATE", 22)));
        assertThat(onlyOpenAlert().severity()).as("a milder late set does not lower it").isEqualTo("HIGH");
        assertThat(jdbc.sql("select last_set_at from monitoring_schedule where patient_id = ?")
                .param(patient.summary().id().value()).query(java.sql.Timestamp.class).single().toInstant())
                .as("the schedule follows the newest set, not the late ones")
                .isEqualTo(now.minusSeconds(600));
    }

    // ------------------------------------------------------------------------------------------------------------

    record JsonAlert(UUID id, String severity, int scoreTotal, String status, Instant raisedAt, Instant respondBy) {
    }

    private List<JsonAlert> openAlerts() {
        Response response = api.get(nurse, "/api/v1/alerts");
        return java.util.stream.StreamSupport.stream(response.body().spliterator(), false)
                .filter(a -> a.path("patientId").asText().equals(patient.summary().id().toString()))
                .map(a -> new JsonAlert(UUID.fromString(a.path("id").asText()), a.path("severity").asText(),
                        a.path("scoreTotal").asInt(), a.path("status").asText(),
                        Instant.parse(a.path("raisedAt").asText()), Instant.parse(a.path("respondBy").asText())))
                .toList();
    }

    private String reasonOf(UUID alert) {
        return java.util.stream.StreamSupport.stream(api.get(nurse, "/api/v1/alerts").body().spliterator(), false)
                .filter(a -> a.path("id").asText().equals(alert.toString())).findFirst().orElseThrow()
                .path("reason").asText();
    }

    private JsonAlert onlyOpenAlert() {
        List<JsonAlert> open = openAlerts();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private void acknowledge(UUID id) {
        assertThat(api.post(nurse, "/api/v1/alerts/" + id + "/acknowledge", Map.of()).text("status"))
                .isEqualTo("ACKNOWLEDGED");
    }

    /** The same readings taken at another time. */
    @SafeVarargs
    private static Map<String, Object>[] at(Instant takenAt, Map<String, Object>... readings) {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] moved = new Map[readings.length];
        for (int i = 0; i < readings.length; i++) {
            Map<String, Object> copy = new java.util.HashMap<>(readings[i]);
            copy.put("recordedAt", takenAt.toString());
            moved[i] = copy;
        }
        return moved;
    }

    @SafeVarargs
    private Response send(Map<String, Object>... readings) {
        return api.post(nurse, "/api/v1/observations/batch", Map.of("readings", List.of(readings)));
    }

    private Map<String, Object> reading(String parameter, double value) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", Instant.now().minusSeconds(5).toString());
    }

    private Map<String, Object> coded(String parameter, String code) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "code", code, "recordedAt", Instant.now().minusSeconds(5).toString());
    }
}
