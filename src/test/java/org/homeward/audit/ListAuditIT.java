package org.homeward.audit;

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
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alert board and the referral lists show patients' names: each writes one audit line per patient shown, against
 * that patient (ADR 0002), as the census does.
 */
@IntegrationTest
class ListAuditIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    Organisation acute;
    CurrentUser referrer;
    CurrentUser consultant;
    VirtualWard ward;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        ward = fixtures.ward(acute, 10);
    }

    @Test
    void theAlertBoardWritesOneAuditRowPerPatientShown() {
        PatientRecord first = fixtures.patient(referrer, LocalDate.of(1940, 1, 1));
        PatientRecord second = fixtures.patient(referrer, LocalDate.of(1941, 1, 1));
        fixtures.admit(first, ward, referrer, consultant);
        fixtures.admit(second, ward, referrer, consultant);
        CurrentUser nurse = fixtures.user(Role.CLINICIAN, acute);
        raiseAlert(nurse, first);
        raiseAlert(nurse, first);
        raiseAlert(nurse, second);
        CurrentUser reader = fixtures.user(Role.CLINICIAN, acute);

        assertThat(api.get(reader, "/api/v1/alerts?wardId=" + ward.id()).body().findValuesAsText("patientId"))
                .contains(first.summary().id().toString(), second.summary().id().toString());

        assertThat(patientsAudited(reader, "AlertBoard")).containsExactlyInAnyOrder(first.summary().id().value(),
                second.summary().id().value());

        CurrentUser pageReader = fixtures.user(Role.COORDINATOR, acute);
        assertThat(PageSession.signIn(api.baseUrl(), pageReader).get("/alerts?wardId=" + ward.id()).html().text())
                .containsIgnoringCase(first.summary().familyName());
        assertThat(patientsAudited(pageReader, "AlertBoard")).containsExactlyInAnyOrder(
                first.summary().id().value(), second.summary().id().value());
        assertThat(patientsAudited(fixtures.user(Role.CLINICIAN, acute), "AlertBoard"))
                .as("nobody who has not looked").isEmpty();
    }

    @Test
    void theReferralListsWriteOneAuditRowPerPatientShown() {
        PatientRecord waiting = fixtures.patient(referrer, LocalDate.of(1942, 1, 1));
        PatientRecord accepted = fixtures.patient(referrer, LocalDate.of(1943, 1, 1));
        refer(waiting);
        String acceptedReferral = refer(accepted);
        api.post(consultant, "/api/v1/referrals/" + acceptedReferral + "/triage",
                Map.of("outcome", "ACCEPT", "reason", "Meets criteria"));
        UUID waitingId = waiting.summary().id().value();
        UUID acceptedId = accepted.summary().id().value();

        CurrentUser senior = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        assertThat(api.get(senior, "/api/v1/referrals").body().findValuesAsText("patientId"))
                .contains(waitingId.toString(), acceptedId.toString());
        assertThat(patientsAudited(senior, "ReferralList")).contains(waitingId, acceptedId).doesNotHaveDuplicates();

        CurrentUser colleague = fixtures.user(Role.REFERRER, acute);
        assertThat(api.get(colleague, "/api/v1/referrals/mine").body().findValuesAsText("patientId"))
                .contains(waitingId.toString(), acceptedId.toString());
        assertThat(patientsAudited(colleague, "ReferralList")).contains(waitingId, acceptedId).doesNotHaveDuplicates();

        CurrentUser pageReader = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        assertThat(PageSession.signIn(api.baseUrl(), pageReader).get("/referrals").html().text())
                .containsIgnoringCase(waiting.summary().familyName());
        assertThat(patientsAudited(pageReader, "ReferralList")).contains(waitingId, acceptedId);
    }

    private String refer(PatientRecord patient) {
        Api.Response referred = api.post(referrer, "/api/v1/referrals", Map.of("patientId",
                patient.summary().id().toString(), "wardId", ward.id().toString(), "direction", "STEP_UP", "source",
                "GP", "presentingCondition", "COPD exacerbation", "reason", "Nebulisers", "interventions",
                List.of("NEBULISERS"), "urgency", "SAME_DAY"));
        assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
        return referred.text("id");
    }

    private void raiseAlert(CurrentUser nurse, PatientRecord patient) {
        Map<String, Object> reading = Map.of("id", UUID.randomUUID().toString(), "patientId",
                patient.summary().id().toString(), "parameter", "RESPIRATORY_RATE", "value", 26, "recordedAt",
                Instant.now().minusSeconds(5).toString());
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", List.of(reading))).status())
                .isEqualTo(200);
    }

    private List<UUID> patientsAudited(CurrentUser user, String recordType) {
        return jdbc.sql("select patient_id from audit_event where username = ? and record_type = ? and action = 'READ'")
                .params(user.username(), recordType).query((rs, row) -> rs.getObject(1, UUID.class)).list();
    }
}
