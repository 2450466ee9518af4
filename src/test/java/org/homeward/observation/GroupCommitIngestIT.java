package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batches from different senders committed together (group commit) are each stored, refused and answered as if they
 * had come alone: each sender's own care teams, its own all-or-nothing, its own retries and its own audit line; one
 * patient's current set scored once with one alert. The group is handed to the ingest directly, in one transaction,
 * as a writer does, so what is grouped is known (over HTTP it depends on timing: {@code ConcurrentBatchIT}).
 */
@IntegrationTest
class GroupCommitIngestIT {

    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired ObservationService observations;
    @Autowired PlatformTransactionManager transactions;

    CurrentUser acuteNurse;
    CurrentUser communityNurse;
    PatientRecord acutePatient;
    PatientRecord communityPatient;

    @BeforeEach
    void twoOrganisationsEachWithTheirOwnPatient() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        acuteNurse = fixtures.user(Role.CLINICIAN, acute);
        communityNurse = fixtures.user(Role.CLINICIAN, community);
        acutePatient = fixtures.patient(acuteNurse, LocalDate.of(1950, 5, 5));
        communityPatient = fixtures.patient(communityNurse, LocalDate.of(1951, 6, 6));
    }

    @Test
    void eachSenderIsHeldToItsOwnCareTeamsAndAuditedByItsOwnName() {
        Instant at = Instant.now().minusSeconds(60);
        List<ObservationService.Stored> results = commitTogether(
                submission(acuteNurse, BatchMode.STORE_VALID, reading("a1", acutePatient, 97, at)),
                // the community nurse's batch names the acute trust's patient too: not in the community's care
                submission(communityNurse, BatchMode.STORE_VALID, reading("c1", communityPatient, 96, at),
                        reading("c2", acutePatient, 95, at)));

        assertThat(results.get(0).result()).isEqualTo(new BatchResult(1, 0, List.of()));
        assertThat(results.get(1).result().stored()).isEqualTo(1);
        assertThat(results.get(1).result().rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.id()).isEqualTo("c2");
            assertThat(rejection.field()).isEqualTo("readings[1].patientId");
            assertThat(rejection.reason()).contains("in your organisation's care");
        });
        assertThat(readingsOf(acutePatient)).containsExactly("a1");
        assertThat(readingsOf(communityPatient)).containsExactly("c1");
        assertThat(auditedBy(acutePatient)).containsExactly(acuteNurse.username());
        assertThat(auditedBy(communityPatient)).containsExactly(communityNurse.username());
    }

    @Test
    void anAllOrNothingBatchWithABadReadingStoresNothingOfItsOwnAndDoesNotStopTheOthers() {
        Instant at = Instant.now().minusSeconds(60);
        List<ObservationService.Stored> results = commitTogether(
                submission(acuteNurse, BatchMode.ALL_OR_NOTHING, reading("good", acutePatient, 97, at),
                        reading("impossible", acutePatient, 140, at)),
                submission(communityNurse, BatchMode.ALL_OR_NOTHING, reading("fine", communityPatient, 96, at)));

        assertThat(results.get(0).result().stored()).isZero();
        assertThat(results.get(0).result().rejected()).singleElement()
                .satisfies(rejection -> assertThat(rejection.field()).isEqualTo("readings[1].value"));
        assertThat(results.get(1).result()).isEqualTo(new BatchResult(1, 0, List.of()));
        assertThat(readingsOf(acutePatient)).isEmpty();
        assertThat(readingsOf(communityPatient)).containsExactly("fine");
    }

    @Test
    void aRetryCommittedWithTheFirstAttemptIsADuplicateAndBothAreToldWhereTheReadingIs() {
        Instant at = Instant.now().minusSeconds(60);
        List<ObservationService.Stored> results = commitTogether(
                identified(acuteNurse, reading("same-id", acutePatient, 97, at)),
                identified(acuteNurse, reading("same-id", acutePatient, 97, at)),
                // another sender may use the same id: ids are the sender's own
                identified(communityNurse, reading("same-id", communityPatient, 96, at)));

        assertThat(results.get(0).result()).isEqualTo(new BatchResult(1, 0, List.of()));
        assertThat(results.get(0).newClientIds()).containsExactly("same-id");
        assertThat(results.get(1).result()).isEqualTo(new BatchResult(0, 1, List.of()));
        assertThat(results.get(1).newClientIds()).isEmpty();
        assertThat(results.get(1).ids()).isEqualTo(results.get(0).ids());
        assertThat(results.get(2).result()).isEqualTo(new BatchResult(1, 0, List.of()));
        assertThat(results.get(2).ids().get("same-id")).isNotEqualTo(results.get(0).ids().get("same-id"));
        assertThat(readingsOf(acutePatient)).containsExactly("same-id");
        assertThat(readingsOf(communityPatient)).containsExactly("same-id");
    }

    @Test
    void aRetryInALaterGroupIsToldWhereTheFirstAttemptStoredIt() {
        Instant at = Instant.now().minusSeconds(60);
        ObservationService.Stored first = commitTogether(identified(acuteNurse, reading("r1", acutePatient, 97, at),
                reading("r2", acutePatient, 98, at))).get(0);
        ObservationService.Stored retry = commitTogether(identified(acuteNurse, reading("r2", acutePatient, 98, at),
                reading("r3", acutePatient, 96, at))).get(0);

        assertThat(retry.result()).isEqualTo(new BatchResult(1, 1, List.of()));
        assertThat(retry.newClientIds()).containsExactly("r3");
        assertThat(retry.ids().get("r2")).isEqualTo(first.ids().get("r2"));
        assertThat(retry.ids().get("r3")).isNotNull().isNotEqualTo(first.ids().get("r1"));
        assertThat(jdbc.sql("select id from observation_reading where client_id = 'r3' and received_by = ?")
                .param(acuteNurse.username()).query(UUID.class).single()).isEqualTo(retry.ids().get("r3"));
    }

    @Test
    void twoBatchesForOnePatientAreScoredAsOneSetWithOneAlert() {
        Instant at = Instant.now().minusSeconds(60);
        // NEWS2 (RCP 2017 Chart 1): RR 26 = 3, SpO2 90 = 3 (Scale 1), systolic 88 = 3, pulse 135 = 3,
        // temperature 39.5 = 2: 14, high; sent as two batches by two devices at the same moment
        List<ObservationService.Stored> results = commitTogether(
                submission(acuteNurse, BatchMode.ALL_OR_NOTHING,
                        numeric("rr", acutePatient, ObservationParameter.RESPIRATORY_RATE, 26, at),
                        numeric("spo2", acutePatient, ObservationParameter.OXYGEN_SATURATION, 90, at)),
                submission(acuteNurse, BatchMode.ALL_OR_NOTHING,
                        numeric("bp", acutePatient, ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, 88, at),
                        numeric("hr", acutePatient, ObservationParameter.HEART_RATE, 135, at),
                        numeric("temp", acutePatient, ObservationParameter.TEMPERATURE, 39.5, at)));

        assertThat(results).extracting(r -> r.result().stored()).containsExactly(2, 3);
        List<String> alerts = jdbc.sql("select severity from alert where patient_id = ? and status <> 'CLOSED'")
                .param(acutePatient.summary().id().value()).query(String.class).list();
        assertThat(alerts).as("the whole set scored once: one alert, the set's severity").containsExactly("HIGH");
    }

    private List<ObservationService.Stored> commitTogether(ObservationService.Submission... group) {
        return new TransactionTemplate(transactions).execute(status -> observations.storeAll(List.of(group)));
    }

    private static ObservationService.Submission submission(CurrentUser user, BatchMode mode,
            IncomingReading... readings) {
        return new ObservationService.Submission(user, user.actor(), user.username(), ObservationSource.DEVICE, mode,
                List.of(readings), null, false);
    }

    private static ObservationService.Submission identified(CurrentUser user, IncomingReading... readings) {
        return new ObservationService.Submission(user, user.actor(), user.username(), ObservationSource.DEVICE,
                BatchMode.STORE_VALID, List.of(readings), null, true);
    }

    private static IncomingReading reading(String id, PatientRecord patient, double spo2, Instant at) {
        return numeric(id, patient, ObservationParameter.OXYGEN_SATURATION, spo2, at);
    }

    private static IncomingReading numeric(String id, PatientRecord patient, ObservationParameter parameter,
            double value, Instant at) {
        return new IncomingReading(id, patient.summary().id().value(), parameter, value, null, at, "device-1");
    }

    private List<String> readingsOf(PatientRecord patient) {
        return new ArrayList<>(jdbc.sql("select client_id from observation_reading where patient_id = ? order by client_id")
                .param(patient.summary().id().value()).query(String.class).list());
    }

    private List<String> auditedBy(PatientRecord patient) {
        UUID id = patient.summary().id().value();
        return jdbc.sql("select username from audit_event where patient_id = ? and record_type = 'Observation'"
                + " and action = 'CREATE'").param(id).query(String.class).list();
    }
}
