package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.diagnostics.CancelOrder;
import org.homeward.diagnostics.DiagnosticsService;
import org.homeward.diagnostics.OrderTests;
import org.homeward.diagnostics.TestOrderView;
import org.homeward.diagnostics.Urgency;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.FhirReads;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Searches beyond 'everything about a patient', as partners' systems use them, over real HTTP: the community team's
 * work list ({@code Task?owner=Organization/{id}&status=requested}) and a patient's test orders still awaiting results
 * ({@code ServiceRequest?patient=...&status=active}); a parameter Homeward does not serve that way is refused with
 * 422 naming it.
 */
@IntegrationTest
class FhirWorkListSearchIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired FhirReads fhir;
    @Autowired DiagnosticsService diagnostics;

    Organisation acute;
    Organisation community;
    CurrentUser consultant;
    CurrentUser communityNurse;
    CurrentUser otherNurse;
    CurrentUser outsider;
    PatientRecord patient;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        communityNurse = fixtures.user(Role.CLINICIAN, community);
        otherNurse = fixtures.user(Role.CLINICIAN, community);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        VirtualWard ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1939, 2, 2));
        fixtures.admit(patient, ward, referrer, consultant);
    }

    @Test
    void theCommunityTeamsSystemReadsItsOpenWorkListAsUkCore() {
        String forTeam = setTask(Map.of("organisationId", community.id().toString()), "Wound review at the visit");
        String forNurse = setTask(Map.of("username", communityNurse.username()), "Check the syringe driver");
        String forOther = setTask(Map.of("username", otherNurse.username()), "Collect the sharps bin");
        String forAcute = setTask(Map.of("organisationId", acute.id().toString()), "Review the ECG");
        api.post(communityNurse, "/api/v1/tasks/" + forTeam + "/completion", Map.of("outcome", "Reviewed: healing"));
        String own = "Organization/" + community.id().value();
        String stillOpen = setTask(Map.of("organisationId", community.id().toString()), "Bloods on Thursday");

        JsonNode list = fhir.read(communityNurse, "/fhir/Task?owner=" + own + "&status=requested");
        List<String> ids = new ArrayList<>();
        list.path("entry").forEach(e -> ids.add(e.at("/resource/id").asText()));
        assertThat(ids).as("the nurse's own and the team's open tasks; not another nurse's, not the trust's, not done")
                .contains(forNurse, stillOpen).doesNotContain(forOther, forAcute, forTeam);
        for (JsonNode entry : list.path("entry")) {
            assertThat(entry.at("/resource/status").asText()).isEqualTo("requested");
            assertThat(entry.at("/resource/owner/reference").asText()).isEqualTo(own);
            fhir.assertConformsToUkCore(entry.path("resource"));
        }
        JsonNode withoutStatus = fhir.read(communityNurse, "/fhir/Task?owner=" + own);
        assertThat(withoutStatus.path("total").asInt()).isEqualTo(list.path("total").asInt());
        // each patient listed is audited, naming the reader
        assertThat(jdbc.sql("""
                select count(*) from audit_event where patient_id = ? and username = ? and action = 'READ'
                and record_type = 'Task' and detail like '%worklist%'""").param(patient.summary().id().value())
                .param(communityNurse.username()).query(Long.class).single()).isEqualTo(2);

        // another organisation's list, a closed status or an owner that is not an organisation: 422 naming it
        Api.RawResponse theirs = api.raw("GET", "/fhir/Task?owner=Organization/" + acute.id().value(),
                communityNurse, null);
        assertThat(theirs.status()).isEqualTo(422);
        assertThat(theirs.body()).contains("OperationOutcome").contains("\"owner\"").contains(own);
        Api.RawResponse outsiders = api.raw("GET", "/fhir/Task?owner=" + own, outsider, null);
        assertThat(outsiders.status()).isEqualTo(422);
        Api.RawResponse done = api.raw("GET", "/fhir/Task?owner=" + own + "&status=completed", communityNurse, null);
        assertThat(done.status()).isEqualTo(422);
        assertThat(done.body()).contains("\"status\"").contains("a task on a work list is requested, not completed");
        Api.RawResponse person = api.raw("GET", "/fhir/Task?owner=Practitioner/" + communityNurse.id().value(),
                communityNurse, null);
        assertThat(person.status()).isEqualTo(422);
    }

    @Test
    void aPatientsTestOrdersStillAwaitingResultsAreActiveAndACancelledOneRevoked() {
        TestOrderView awaiting = diagnostics.order(consultant, patient.summary().id(), new OrderTests(List.of("UE"),
                "AKI on furosemide?", Urgency.SAME_DAY, null, null));
        TestOrderView cancelled = diagnostics.order(consultant, patient.summary().id(), new OrderTests(List.of("FBC"),
                "Anaemia?", Urgency.ROUTINE, null, null));
        diagnostics.cancel(consultant, cancelled.id(), new CancelOrder("Ordered on the wrong patient"));
        String patientId = patient.summary().id().value().toString();

        JsonNode active = fhir.read(communityNurse, "/fhir/ServiceRequest?patient=" + patientId + "&status=active");
        assertThat(active.path("entry")).hasSize(1);
        assertThat(active.at("/entry/0/resource/id").asText()).isEqualTo(awaiting.id().toString());
        fhir.assertConformsToUkCore(active.at("/entry/0/resource"));
        JsonNode revoked = fhir.read(communityNurse, "/fhir/ServiceRequest?patient=" + patientId + "&status=revoked");
        assertThat(revoked.path("entry")).hasSize(1);
        assertThat(revoked.at("/entry/0/resource/id").asText()).isEqualTo(cancelled.id().toString());
        assertThat(fhir.read(communityNurse, "/fhir/ServiceRequest?patient=" + patientId + "&status=completed")
                .path("total").asInt()).isZero();
        assertThat(fhir.read(communityNurse, "/fhir/ServiceRequest?patient=" + patientId).path("total").asInt())
                .isEqualTo(2);

        Api.RawResponse unknown = api.raw("GET", "/fhir/ServiceRequest?patient=" + patientId + "&status=on-hold",
                communityNurse, null);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"status\"")
                .contains("a test order Homeward holds is active, completed or revoked, not on-hold");
        assertThat(api.raw("GET", "/fhir/ServiceRequest?patient=" + patientId + "&status=active", outsider, null)
                .status()).isEqualTo(404);
    }

    private String setTask(Map<String, Object> assignee, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patient.summary().id().toString());
        body.put("title", title);
        body.put("assignee", assignee);
        body.put("priority", "ROUTINE");
        Api.Response set = api.post(consultant, "/api/v1/tasks", body);
        assertThat(set.status()).as(set.toString()).isEqualTo(201);
        return set.text("id");
    }
}
