package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The device batch endpoint: committed before acknowledged, retries stored once, invalid readings reported or fatal. */
@IntegrationTest
class ObservationBatchIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser gateway;
    PatientRecord first;
    PatientRecord second;
    PatientRecord elsewhere;

    @BeforeEach
    void setUp() {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        gateway = fixtures.user(Role.CLINICIAN, community);
        first = fixtures.patient(gateway, LocalDate.of(1941, 1, 1));
        second = fixtures.patient(gateway, LocalDate.of(1952, 2, 2));
        CurrentUser other = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        elsewhere = fixtures.patient(other, LocalDate.of(1960, 3, 3));
    }

    @Test
    void storesEveryReadingOfManyPatientsAndAcknowledgesOnlyCommittedReadings() {
        List<Map<String, Object>> readings = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            readings.add(numeric(i % 2 == 0 ? first : second, "HEART_RATE", 70 + i));
            readings.add(coded(i % 2 == 0 ? first : second, "CONSCIOUSNESS", "ALERT"));
        }
        Response response = api.post(gateway, "/api/v1/observations/batch", Map.of("readings", readings));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().path("stored").asInt()).isEqualTo(100);
        assertThat(countFor(first) + countFor(second)).isEqualTo(100);
    }

    @Test
    void aRetriedBatchIsStoredOnce() {
        List<Map<String, Object>> readings = List.of(numeric(first, "OXYGEN_SATURATION", 94),
                numeric(first, "RESPIRATORY_RATE", 22), numeric(second, "TEMPERATURE", 38.2));
        api.post(gateway, "/api/v1/observations/batch", Map.of("readings", readings));
        Response retry = api.post(gateway, "/api/v1/observations/batch", Map.of("readings", readings));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("stored").asInt()).isZero();
        assertThat(retry.body().path("duplicates").asInt()).isEqualTo(3);
        assertThat(countFor(first)).isEqualTo(2);
    }

    @Test
    void storesTheValidReadingsAndReportsEachRejectedOneWithItsReason() {
        List<Map<String, Object>> readings = List.of(numeric(first, "HEART_RATE", 88),
                numeric(first, "OXYGEN_SATURATION", 140), coded(second, "CONSCIOUSNESS", "DROWSY"),
                numeric(elsewhere, "HEART_RATE", 90));
        Response response = api.post(gateway, "/api/v1/observations/batch", Map.of("readings", readings));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("stored").asInt()).isEqualTo(1);
        assertThat(response.body().path("rejected")).hasSize(3);
        assertThat(response.body().path("rejected").get(0).path("field").asText()).isEqualTo("readings[1].value");
        assertThat(response.body().path("rejected").get(0).path("reason").asText()).contains("between 40.0 and 100.0");
        assertThat(response.body().path("rejected").get(1).path("field").asText()).isEqualTo("readings[2].code");
        assertThat(response.body().path("rejected").get(2).path("reason").asText()).contains("in your organisation's care");
        assertThat(countFor(elsewhere)).isZero();
    }

    @Test
    void allOrNothingStoresNothingWhenAnyReadingIsInvalid() {
        List<Map<String, Object>> readings = List.of(numeric(first, "HEART_RATE", 88),
                numeric(first, "TEMPERATURE", 3.7));
        Response response = api.post(gateway, "/api/v1/observations/batch",
                Map.of("mode", "ALL_OR_NOTHING", "readings", readings));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("rejected").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(countFor(first)).isZero();
    }

    @Test
    void refusesReadingsDatedInTheFutureAndSubmittersWhoDoNotCareForPatients() {
        Map<String, Object> future = new HashMap<>(numeric(first, "HEART_RATE", 80));
        future.put("recordedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        Response response = api.post(gateway, "/api/v1/observations/batch", Map.of("readings", List.of(future)));
        assertThat(response.body().path("rejected").get(0).path("field").asText()).isEqualTo("readings[0].recordedAt");

        CurrentUser commissioner = fixtures.user(Role.COMMISSIONER, fixtures.organisation(OrganisationType.ICB));
        assertThat(api.post(commissioner, "/api/v1/observations/batch",
                Map.of("readings", List.of(numeric(first, "HEART_RATE", 80)))).status()).isEqualTo(403);
        assertThat(api.post(gateway, "/api/v1/observations/batch", Map.of("readings", List.of())).status())
                .isEqualTo(400);
    }

    private long countFor(PatientRecord patient) {
        return jdbc.sql("select count(*) from observation_reading where patient_id = ?")
                .param(patient.summary().id().value()).query(Long.class).single();
    }

    private static Map<String, Object> numeric(PatientRecord patient, String parameter, double value) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", Instant.now().minusSeconds(60).toString(),
                "deviceId", "pulse-oximeter-7");
    }

    private static Map<String, Object> coded(PatientRecord patient, String parameter, String code) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                "parameter", parameter, "code", code, "recordedAt", Instant.now().minusSeconds(60).toString());
    }
}
