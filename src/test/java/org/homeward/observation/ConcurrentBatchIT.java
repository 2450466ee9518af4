package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Device hubs send batches at the same time for overlapping patients, in different orders. Every batch must be
 * stored (no deadlock between them) and each patient must end with exactly one open alert.
 */
@IntegrationTest
class ConcurrentBatchIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    @Test
    void overlappingBatchesInDifferentOrdersAllSucceedWithOneAlertPerPatient() throws Exception {
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser hub = fixtures.user(Role.CLINICIAN, community);
        List<PatientRecord> patients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            patients.add(fixtures.patient(hub, LocalDate.of(1940 + i, 1, 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> batches = new ArrayList<>();
        for (int b = 0; b < 24; b++) {
            List<PatientRecord> order = new ArrayList<>(patients);
            Collections.shuffle(order, new java.util.Random(b));
            batches.add(() -> api.post(hub, "/api/v1/observations/batch", Map.of("readings",
                    order.stream().map(p -> Map.of("id", UUID.randomUUID().toString(), "patientId",
                            p.summary().id().toString(), "parameter", "OXYGEN_SATURATION", "value", 89,
                            "recordedAt", Instant.now().minusSeconds(5).toString())).toList())).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(batches)) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).as("no batch lost to a deadlock or a duplicate alert").containsOnly(200);
        for (PatientRecord patient : patients) {
            UUID id = patient.summary().id().value();
            assertThat(jdbc.sql("select count(*) from observation_reading where patient_id = ?").param(id)
                    .query(Long.class).single()).isEqualTo(24);
            assertThat(jdbc.sql("select count(*) from alert where patient_id = ? and status <> 'CLOSED'").param(id)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }
}
