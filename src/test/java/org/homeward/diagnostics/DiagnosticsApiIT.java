package org.homeward.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.homeward.support.FhirReads;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tests and results through the API across organisations: the acute trust's consultant orders, the community nurse
 * records the sample at the visit and its transport and a point-of-care CRP, the lab's result arrives through the API,
 * the GP practice reads, an organisation outside the care team gets 404, a role without the permission 403; bad input
 * is refused naming the field and writes nothing; results are never changed, a correction keeps the earlier one.
 */
@IntegrationTest
class DiagnosticsApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired FhirReads fhir;

    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser lab;
    CurrentUser gp;
    CurrentUser outsider;
    CurrentUser coordinator;
    PatientRecord patient;
    UUID patientId;
    String nhsNumber;

    @BeforeEach
    void admitAPatientToAWardTheCommunityProviderVisits() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        Organisation gpOrganisation = fixtures.gpOrganisation(practice);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        lab = fixtures.user(Role.CLINICIAN, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, gpOrganisation);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        outsider = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1941, 3, 15), practice);
        fixtures.admit(patient, ward, referrer, consultant);
        patientId = patient.summary().id().value();
        nhsNumber = patient.summary().nhsNumber().value();
    }

    @Test
    void theConsultantOrdersTheNurseSamplesAtTheVisitTheLabResultsAndTheGpReads() {
        Response ordered = api.post(consultant, orders(), Map.of("tests", List.of("UE"),
                "clinicalQuestion", "AKI on furosemide?", "urgency", "SAME_DAY"));
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(201);
        assertThat(ordered.text("status")).isEqualTo("ORDERED");
        assertThat(ordered.body().path("tests").findValuesAsText("code"))
                .containsExactly("SODIUM", "POTASSIUM", "UREA", "CREATININE");
        assertThat(ordered.body().path("orderedByUsername").asText()).isEqualTo(consultant.username());
        String orderId = ordered.text("id");

        Instant takenAt = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Response sampled = api.post(nurse, "/api/v1/test-orders/" + orderId + "/sample",
                Map.of("takenAt", takenAt.toString(), "labelled", true, "atHomeVisit", true));
        assertThat(sampled.status()).as(sampled.toString()).isEqualTo(200);
        assertThat(sampled.text("status")).isEqualTo("SAMPLE_TAKEN");
        assertThat(sampled.body().path("sample").path("takenBy").asText()).isEqualTo(nurse.signature());
        assertThat(Instant.parse(sampled.body().path("sample").path("takenAt").asText())).isEqualTo(takenAt);

        Response sent = api.post(nurse, "/api/v1/test-orders/" + orderId + "/transport",
                Map.of("transport", "COURIER"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.text("status")).isEqualTo("SENT_TO_LAB");
        assertThat(sent.body().path("sample").path("transport").asText()).isEqualTo("COURIER");

        Response resulted = api.post(lab, "/api/v1/results", Map.of("orderId", orderId, "nhsNumber", nhsNumber,
                "results", List.of(
                        Map.of("testCode", "SODIUM", "value", 138, "unit", "mmol/L"),
                        Map.of("testCode", "POTASSIUM", "value", 5.6, "unit", "mmol/L"),
                        Map.of("testCode", "UREA", "value", 9.1, "unit", "mmol/L"),
                        Map.of("testCode", "CREATININE", "value", 142, "unit", "umol/L", "referenceLow", 59,
                                "referenceHigh", 104))));
        assertThat(resulted.status()).as(resulted.toString()).isEqualTo(201);
        assertThat(resulted.text("status")).isEqualTo("RESULTED");
        assertThat(flags(resulted.body())).containsExactly("NORMAL", "ABNORMAL_HIGH", "ABNORMAL_HIGH",
                "ABNORMAL_HIGH");
        JsonNode sodium = resulted.body().path("results").get(0);
        assertThat(sodium.path("referenceRange").path("low").decimalValue()).isEqualByComparingTo("133");
        assertThat(sodium.path("referenceRange").path("high").decimalValue()).isEqualByComparingTo("146");

        for (CurrentUser reader : List.of(gp, nurse, consultant)) {
            Response read = api.get(reader, orders());
            assertThat(read.status()).as(reader.organisationName() + ": " + read).isEqualTo(200);
            assertThat(read.body()).hasSize(1);
            assertThat(read.body().get(0).path("results")).hasSize(4);
        }
        // the GP practice's own system reads the order and its results over FHIR, as UK Core
        JsonNode requests = fhir.read(gp, "/fhir/ServiceRequest?patient=" + patientId);
        assertThat(requests.path("entry")).hasSize(1);
        JsonNode request = requests.path("entry").path(0).path("resource");
        assertThat(request.path("status").asText()).isEqualTo("completed");
        assertThat(request.path("priority").asText()).isEqualTo("urgent");
        assertThat(request.path("orderDetail").path(0).path("text").asText()).isEqualTo("Same day");
        assertThat(request.path("reasonCode").path(0).path("text").asText()).isEqualTo("AKI on furosemide?");
        fhir.assertConformsToUkCore(request);
        JsonNode report = fhir.read(gp, "/fhir/DiagnosticReport/" + orderId);
        assertThat(report.path("status").asText()).isEqualTo("final");
        assertThat(report.path("basedOn").path(0).path("reference").asText()).isEqualTo("ServiceRequest/" + orderId);
        assertThat(report.path("result")).hasSize(4);
        List<String> results = new java.util.ArrayList<>();
        report.path("contained").forEach(r -> results.add(r.path("code").path("coding").path(0).path("code").asText()
                + " " + r.path("valueQuantity").path("value").asText() + " "
                + r.path("interpretation").path(0).path("coding").path(0).path("code").asText()));
        assertThat(results).containsExactly("SODIUM 138 N", "POTASSIUM 5.6 H", "UREA 9.1 H", "CREATININE 142 H");
        fhir.assertConformsToUkCore(report);
        assertThat(api.raw("GET", "/fhir/DiagnosticReport/" + orderId, outsider, null).status()).isEqualTo(404);
        assertThat(api.raw("GET", "/fhir/ServiceRequest?patient=" + patientId, outsider, null).status())
                .isEqualTo(404);
        // the consultant who ordered has the task to acknowledge them: high priority, as none is critical
        assertThat(openTasksOf(consultant)).singleElement().satisfies(t -> {
            assertThat(t.get("title")).startsWith("Acknowledge the results: Sodium 138 mmol/L; Potassium 5.6 mmol/L"
                    + " (abnormal: high)");
            assertThat(t.get("priority")).isEqualTo("HIGH");
        });
        assertThat(jdbc.sql("select count(*) from alert where patient_id = ?").param(patientId).query(Long.class)
                .single()).isZero();

        // acknowledged one by one: the task is done with the last
        for (JsonNode result : resulted.body().path("results")) {
            Response acknowledged = api.post(consultant, "/api/v1/results/" + result.path("id").asText()
                    + "/acknowledgement", Map.of("note", "Seen; repeat tomorrow"));
            assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(201);
            assertThat(acknowledged.body().path("acknowledgement").path("byUsername").asText())
                    .isEqualTo(consultant.username());
        }
        assertThat(openTasksOf(consultant)).isEmpty();
        Response again = api.post(consultant, "/api/v1/results/" + resulted.body().path("results").get(0)
                .path("id").asText() + "/acknowledgement", Map.of());
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void theNurseRecordsAPointOfCareCrpResultedAtOnce() {
        Response poc = api.post(nurse, "/api/v1/patients/" + patientId + "/point-of-care-results",
                Map.of("testCode", "POC_CRP", "value", 87, "unit", "mg/L"));
        assertThat(poc.status()).as(poc.toString()).isEqualTo(201);
        assertThat(poc.text("status")).isEqualTo("RESULTED");
        assertThat(poc.body().path("pointOfCare").asBoolean()).isTrue();
        assertThat(poc.body().path("sample").path("atHomeVisit").asBoolean()).isTrue();
        assertThat(flags(poc.body())).containsExactly("ABNORMAL_HIGH");
        assertThat(poc.body().path("results").get(0).path("source").asText()).isEqualTo("POINT_OF_CARE");
        assertThat(api.get(gp, orders()).body().get(0).path("results").get(0).path("value").decimalValue())
                .isEqualByComparingTo("87");

        assertThat(field(api.post(nurse, "/api/v1/patients/" + patientId + "/point-of-care-results",
                Map.of("testCode", "POTASSIUM", "value", 4, "unit", "mmol/L")))).isEqualTo("testCode");
        assertThat(field(api.post(nurse, "/api/v1/patients/" + patientId + "/point-of-care-results",
                Map.of("testCode", "POC_LACTATE", "value", 4)))).isEqualTo("unit");
    }

    @Test
    void outsideTheCareTeamIsNotFoundAndARoleWithoutThePermissionIsForbidden() {
        String orderId = orderUe();

        assertThat(api.get(outsider, orders()).status()).isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/test-orders/" + orderId).status()).isEqualTo(404);
        assertThat(api.post(outsider, orders(), Map.of("tests", List.of("CRP"), "clinicalQuestion", "Infection?",
                "urgency", "ROUTINE")).status()).isEqualTo(404);
        assertThat(api.post(outsider, "/api/v1/results", resultsFor(orderId, nhsNumber, "POTASSIUM", 4.1, "mmol/L"))
                .status()).isEqualTo(404);
        Response byCoordinator = api.post(coordinator, orders(), Map.of("tests", List.of("CRP"),
                "clinicalQuestion", "Infection?", "urgency", "ROUTINE"));
        assertThat(byCoordinator.status()).isEqualTo(403);
        assertThat(byCoordinator.text("detail")).contains("order tests");
        assertThat(api.post(coordinator, "/api/v1/results", resultsFor(orderId, nhsNumber, "POTASSIUM", 4.1,
                "mmol/L")).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from test_order where patient_id = ?").param(patientId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(resultRows()).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndFilesNothing() {
        String orderId = orderUe();
        Map<String, Object> sodiumOk = Map.of("testCode", "SODIUM", "value", 140, "unit", "mmol/L");

        assertThat(field(api.post(lab, "/api/v1/results", Map.of("orderId", orderId, "nhsNumber", nhsNumber,
                "results", List.of(sodiumOk, Map.of("testCode", "POTASSIUM", "value", 4.1))))))
                .isEqualTo("results[1].unit");
        assertThat(field(api.post(lab, "/api/v1/results", Map.of("orderId", orderId, "nhsNumber", nhsNumber,
                "results", List.of(sodiumOk, Map.of("testCode", "POTASSIUM", "value", 4.1, "unit", "mg/L"))))))
                .isEqualTo("results[1].unit");
        assertThat(field(api.post(lab, "/api/v1/results", Map.of("orderId", orderId, "nhsNumber", nhsNumber,
                "results", List.of(sodiumOk, Map.of("testCode", "TROPONIN", "value", 4.1, "unit", "ng/L"))))))
                .isEqualTo("results[1].testCode");
        assertThat(field(api.post(lab, "/api/v1/results", Map.of("orderId", orderId, "nhsNumber", nhsNumber,
                "results", List.of(Map.of("testCode", "CRP", "value", 4, "unit", "mg/L"))))))
                .isEqualTo("results[0].testCode");
        assertThat(field(api.post(lab, "/api/v1/results", Map.of("orderId", orderId, "nhsNumber", nhsNumber,
                "results", List.of(Map.of("testCode", "CREATININE", "value", 90, "unit", "umol/L"))))))
                .isEqualTo("results[0].referenceLow");
        assertThat(field(api.post(lab, "/api/v1/results", Map.of("orderId", orderId,
                "results", List.of(sodiumOk))))).isEqualTo("nhsNumber");
        String someoneElse = fixtures.patient(consultant, LocalDate.of(1950, 1, 1)).summary().nhsNumber().value();
        Response wrongPatient = api.post(lab, "/api/v1/results", Map.of("orderId", orderId, "nhsNumber",
                someoneElse, "results", List.of(sodiumOk)));
        assertThat(field(wrongPatient)).isEqualTo("nhsNumber");
        assertThat(wrongPatient.text("detail")).doesNotContain(nhsNumber);
        assertThat(resultRows()).isZero();

        assertThat(field(api.post(consultant, orders(), Map.of("clinicalQuestion", "?", "urgency", "ROUTINE"))))
                .isEqualTo("tests");
        assertThat(field(api.post(consultant, orders(), Map.of("tests", List.of("FBC"), "urgency", "ROUTINE"))))
                .isEqualTo("clinicalQuestion");
        assertThat(field(api.post(consultant, orders(), Map.of("tests", List.of("FBC"), "clinicalQuestion", "?"))))
                .isEqualTo("urgency");
        assertThat(field(api.post(consultant, orders(), Map.of("tests", List.of("CHEST_XRAY"),
                "clinicalQuestion", "Effusion?", "urgency", "URGENT")))).isEqualTo("patientTransport");
        assertThat(field(api.post(consultant, orders(), Map.of("tests", List.of("CHEST_XRAY"),
                "clinicalQuestion", "Effusion?", "urgency", "URGENT", "patientTransport", "NOT_NEEDED"))))
                .isEqualTo("patientTransportNote");
        assertThat(field(api.post(nurse, "/api/v1/test-orders/" + orderId + "/sample", Map.of("labelled", false))))
                .isEqualTo("labelled");
        assertThat(jdbc.sql("select count(*) from test_order where patient_id = ?").param(patientId)
                .query(Long.class).single()).isEqualTo(1);

        Response imaging = api.post(consultant, orders(), Map.of("tests", List.of("CHEST_XRAY"),
                "clinicalQuestion", "Effusion?", "urgency", "URGENT", "patientTransport", "BOOKED"));
        assertThat(imaging.status()).as(imaging.toString()).isEqualTo(201);
        assertThat(imaging.text("patientTransport")).isEqualTo("BOOKED");
    }

    @Test
    void aCorrectionKeepsTheEarlierResultAndTheDatabaseRefusesToChangeOrDeleteOne() {
        String orderId = orderUe();
        Response first = api.post(lab, "/api/v1/results", resultsFor(orderId, nhsNumber, "SODIUM", 131, "mmol/L"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("ORDERED");

        assertThat(field(api.post(lab, "/api/v1/results", resultsFor(orderId, nhsNumber, "SODIUM", 137,
                "mmol/L")))).isEqualTo("results[0].correctionReason");
        Map<String, Object> correction = new HashMap<>(Map.of("testCode", "SODIUM", "value", 137, "unit", "mmol/L",
                "correctionReason", "Haemolysed sample repeated"));
        Response corrected = api.post(lab, "/api/v1/results", Map.of("orderId", orderId, "nhsNumber", nhsNumber,
                "results", List.of(correction)));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        JsonNode results = corrected.body().path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("current").asBoolean()).isFalse();
        assertThat(results.get(1).path("current").asBoolean()).isTrue();
        assertThat(results.get(1).path("supersedes").asText()).isEqualTo(results.get(0).path("id").asText());
        assertThat(results.get(1).path("correctionReason").asText()).isEqualTo("Haemolysed sample repeated");

        Response onOld = api.post(consultant, "/api/v1/results/" + results.get(0).path("id").asText()
                + "/acknowledgement", Map.of());
        assertThat(onOld.status()).isEqualTo(409);

        assertThatThrownBy(() -> jdbc.sql("delete from test_result where order_id = ?").param(UUID.fromString(orderId))
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update test_result set value = 1 where order_id = ?")
                .param(UUID.fromString(orderId)).update()).hasMessageContaining("append-only");
        assertThat(resultRows()).isEqualTo(2);
    }

    @Test
    void aCancelledOrderTakesNoResult() {
        String orderId = orderUe();
        assertThat(field(api.post(consultant, "/api/v1/test-orders/" + orderId + "/cancellation", Map.of())))
                .isEqualTo("reason");
        Response cancelled = api.post(consultant, "/api/v1/test-orders/" + orderId + "/cancellation",
                Map.of("reason", "Bloods taken in clinic today"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(api.post(lab, "/api/v1/results", resultsFor(orderId, nhsNumber, "SODIUM", 140, "mmol/L"))
                .status()).isEqualTo(409);
        assertThat(resultRows()).isZero();
    }

    private String orderUe() {
        Response ordered = api.post(consultant, orders(), Map.of("tests", List.of("UE"),
                "clinicalQuestion", "Potassium on ACE inhibitor", "urgency", "URGENT"));
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(201);
        return ordered.text("id");
    }

    static Map<String, Object> resultsFor(String orderId, String nhsNumber, String code, Number value, String unit) {
        return Map.of("orderId", orderId, "nhsNumber", nhsNumber,
                "results", List.of(Map.of("testCode", code, "value", value, "unit", unit)));
    }

    private List<Map<String, String>> openTasksOf(CurrentUser user) {
        return jdbc.sql("""
                select title, priority from task where assignee_username = ? and status = 'OPEN' and origin = 'RESULT'
                """).param(user.username())
                .query((rs, row) -> Map.of("title", rs.getString("title"), "priority", rs.getString("priority")))
                .list();
    }

    private static List<String> flags(JsonNode order) {
        return order.path("results").findValuesAsText("flag");
    }

    private static String field(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.body().path("errors").get(0).path("field").asText();
    }

    private long resultRows() {
        return jdbc.sql("select count(*) from test_result where patient_id = ?").param(patientId).query(Long.class)
                .single();
    }

    private String orders() {
        return "/api/v1/patients/" + patientId + "/test-orders";
    }
}
