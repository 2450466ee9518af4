package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
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
 * Every text a person can enter that is stored in a varchar column is checked against the column's length before
 * anything is written: too long is a 400 naming the field and the maximum, never a database error answered as a
 * conflict, and a value exactly as long as its column is stored.
 */
@IntegrationTest
class InputLengthIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    Organisation acute;
    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser nurse;
    VirtualWard ward;

    @BeforeEach
    void setUp() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        ward = fixtures.ward(acute, 5);
    }

    @Test
    void refusesEveryPatientTextLongerThanItsColumn() {
        Map<String, Object> body = registration();
        body.put("givenName", text(101));
        body.put("familyName", text(101));
        body.put("addressLine1", text(201));
        body.put("addressLine2", text(201));
        body.put("town", text(101));
        body.put("gpPracticeName", text(201));

        Response refused = refusedWithoutWriting(() -> api.post(referrer, "/api/v1/patients", body));

        assertTooLong(refused, Map.of("givenName", 100, "familyName", 100, "addressLine1", 200, "addressLine2", 200,
                "town", 100, "gpPracticeName", 200));
    }

    @Test
    void registersAndAdmitsAPatientWhoseTextsFillTheirColumnsExactly() {
        Map<String, Object> body = registration();
        body.put("givenName", text(100));
        body.put("familyName", text(100));
        body.put("addressLine1", text(200));
        body.put("addressLine2", text(200));
        body.put("town", text(100));
        body.put("gpPracticeName", text(200));
        Response registered = api.post(referrer, "/api/v1/patients", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String patientId = registered.body().path("summary").path("id").asText();

        String referralId = refer(patientId);
        // consent by the patient records their name: given and family name together are 201 characters
        Response admitted = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admission());

        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
        assertThat(admitted.text("consentingPersonName")).hasSize(200).startsWith(text(100) + " ").endsWith("\u2026");
    }

    @Test
    void refusesACarerTextLongerThanItsColumn() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1950, 1, 1));
        Map<String, Object> carer = Map.of("name", text(201), "relationship", text(101), "phone", "07700 900123",
                "hasParentalResponsibility", false);

        Response refused = refusedWithoutWriting(
                () -> api.post(referrer, "/api/v1/patients/" + patient.summary().id() + "/carers", carer));

        assertTooLong(refused, Map.of("name", 200, "relationship", 100));
    }

    @Test
    void refusesAWardTextLongerThanItsColumn() {
        CurrentUser admin = fixtures.user(Role.ADMIN, acute);
        Map<String, Object> body = Map.ofEntries(Map.entry("name", text(201)),
                Map.entry("pathways", List.of("RESPIRATORY")), Map.entry("hostOrganisationId", acute.id().toString()),
                Map.entry("bedCapacity", 4), Map.entry("opensAt", "08:00"), Map.entry("closesAt", "20:00"),
                Map.entry("outOfHoursContact", text(201)), Map.entry("outOfHoursPhone", "01305 255 000"), Map.entry("inHoursPhone", "01632 960 000"),
                Map.entry("minAgeYears", 18), Map.entry("maxAgeYears", 130),
                Map.entry("admissionCriteria", "COPD exacerbation"));

        Response refused = refusedWithoutWriting(() -> api.post(admin, "/api/v1/wards", body));

        assertTooLong(refused, Map.of("name", 200, "outOfHoursContact", 200));
    }

    @Test
    void refusesAReferralTextLongerThanItsColumn() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1951, 1, 1));
        Map<String, Object> body = new LinkedHashMap<>(referral(patient.summary().id().toString()));
        body.put("direction", "STEP_DOWN");
        body.put("presentingCondition", text(301));
        body.put("inpatientWard", text(201));
        body.put("inpatientConsultant", text(201));

        Response refused = refusedWithoutWriting(() -> api.post(referrer, "/api/v1/referrals", body));

        assertTooLong(refused, Map.of("presentingCondition", 300, "inpatientWard", 200, "inpatientConsultant", 200));
    }

    @Test
    void refusesAnAdmissionOrDischargeTextLongerThanItsColumn() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1952, 1, 1));
        String referralId = refer(patient.summary().id().toString());
        Map<String, Object> admission = new LinkedHashMap<>(admission());
        admission.put("consentGivenBy", "BEST_INTERESTS_DECISION");
        admission.put("patientHasCapacity", false);
        admission.put("consentingPersonName", text(201));
        admission.put("consentingPersonRole", text(201));

        Response refusedAdmission = refusedWithoutWriting(
                () -> api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admission));
        assertTooLong(refusedAdmission, Map.of("consentingPersonName", 200, "consentingPersonRole", 200));

        Response admitted = api.post(consultant, "/api/v1/referrals/" + referralId + "/admission", admission());
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(201);
        Response refusedDischarge = refusedWithoutWriting(() -> api.post(consultant,
                "/api/v1/admissions/" + admitted.text("id") + "/discharge",
                Map.of("destination", "OTHER", "destinationDetail", text(201), "summary", "Recovered")));
        assertTooLong(refusedDischarge, Map.of("destinationDetail", 200));
    }

    @Test
    void refusesAnAlertResponseNoteLongerThanItsColumnAndLeavesTheAlertAcknowledged() {
        PatientRecord patient = fixtures.patient(nurse, LocalDate.of(1945, 4, 4));
        Response sent = api.post(nurse, "/api/v1/observations/batch", Map.of("readings",
                List.of(reading(patient, "RESPIRATORY_RATE", 26, null))));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        UUID alertId = UUID.fromString(jdbc.sql("select id from alert where patient_id = ?")
                .param(patient.summary().id().value()).query(String.class).single());
        assertThat(api.post(nurse, "/api/v1/alerts/" + alertId + "/acknowledge", Map.of()).text("status"))
                .isEqualTo("ACKNOWLEDGED");

        Response refused = refusedWithoutWriting(() -> api.post(nurse, "/api/v1/alerts/" + alertId + "/response",
                Map.of("action", "VISIT", "note", text(2001))));

        assertTooLong(refused, "note", 2000);
        assertThat(jdbc.sql("select status from alert where id = ?").param(alertId).query(String.class).single())
                .isEqualTo("ACKNOWLEDGED");
        Response responded = api.post(nurse, "/api/v1/alerts/" + alertId + "/response",
                Map.of("action", "VISIT", "note", text(2000)));
        assertThat(responded.status()).as(responded.toString()).isEqualTo(200);
        assertThat(responded.text("responseNote")).hasSize(2000);
    }

    @Test
    void rejectsOnlyTheReadingWhoseDeviceIdIsLongerThanItsColumnAndStoresTheRest() {
        PatientRecord patient = fixtures.patient(nurse, LocalDate.of(1946, 6, 6));
        List<Map<String, Object>> readings = List.of(reading(patient, "HEART_RATE", 80, text(100)),
                reading(patient, "TEMPERATURE", 37.1, text(101)), reading(patient, "RESPIRATORY_RATE", 16, null));

        Response response = api.post(nurse, "/api/v1/observations/batch", Map.of("readings", readings));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().path("stored").asInt()).isEqualTo(2);
        JsonNode rejected = response.body().path("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).path("field").asText()).isEqualTo("readings[1].deviceId");
        assertThat(rejected.get(0).path("reason").asText()).contains("at most 100 characters");
        assertThat(jdbc.sql("select parameter from observation_reading where patient_id = ? order by parameter")
                .param(patient.summary().id().value()).query(String.class).list())
                .containsExactly("HEART_RATE", "RESPIRATORY_RATE");
    }

    // ------------------------------------------------------------------------------------------------------------

    private void assertTooLong(Response response, String field, int max) {
        assertTooLong(response, Map.of(field, max));
    }

    /** A 400 problem detail naming each field with its maximum, and nothing else. */
    private static void assertTooLong(Response response, Map<String, Integer> maxByField) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Map<String, String> messages = new LinkedHashMap<>();
        response.body().path("errors").forEach(e -> messages.put(e.path("field").asText(), e.path("message").asText()));
        assertThat(messages).as(response.toString()).containsOnlyKeys(maxByField.keySet());
        maxByField.forEach((field, max) -> assertThat(messages.get(field)).as(field)
                .contains("at most " + max + " characters"));
    }

    /** Runs a request that must fail, and checks it wrote nothing anywhere it could have. */
    private Response refusedWithoutWriting(Supplier<Response> request) {
        List<Long> before = rowCounts();
        Response response = request.get();
        assertThat(rowCounts()).as("rows in patient, carer, virtual_ward, referral, admission, audit_event")
                .isEqualTo(before);
        return response;
    }

    private List<Long> rowCounts() {
        return List.of(count("patient"), count("carer"), count("virtual_ward"), count("referral"),
                count("admission where discharged_at is not null"), count("admission"), count("audit_event"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String text(int length) {
        return "x".repeat(length);
    }

    private Map<String, Object> registration() {
        return json.convertValue(fixtures.patientDetails(LocalDate.of(1948, 3, 3)),
                new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private Map<String, Object> referral(String patientId) {
        return Map.of("patientId", patientId, "wardId", ward.id().toString(), "direction", "STEP_UP", "source", "GP",
                "presentingCondition", "Exacerbation of COPD", "reason", "Needs oxygen and nebulisers at home",
                "interventions", List.of("OXYGEN", "NEBULISERS"), "urgency", "SAME_DAY");
    }

    private String refer(String patientId) {
        Response referral = api.post(referrer, "/api/v1/referrals", referral(patientId));
        assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
        Response accepted = api.post(consultant, "/api/v1/referrals/" + referral.text("id") + "/triage",
                Map.of("outcome", "ACCEPT", "reason", "Meets the ward's criteria"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return referral.text("id");
    }

    private Map<String, Object> admission() {
        return Map.of("accountableClinicianId", consultant.id().toString(),
                "estimatedDischargeDate", LocalDate.now().plusDays(3).toString(), "consentGivenBy", "PATIENT",
                "patientHasCapacity", true, "benefitsAndRisksDiscussed", true, "sharedDecisionRecord", "Prefers home");
    }

    private static Map<String, Object> reading(PatientRecord patient, String parameter, double value, String deviceId) {
        Map<String, Object> reading = new LinkedHashMap<>(Map.of("id", UUID.randomUUID().toString(),
                "patientId", patient.summary().id().toString(), "parameter", parameter, "value", value,
                "recordedAt", Instant.now().minusSeconds(60).toString()));
        if (deviceId != null) {
            reading.put("deviceId", deviceId);
        }
        return reading;
    }
}
