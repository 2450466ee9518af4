package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.homeward.support.Api.RawResponse;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every failure of the JSON API is an RFC 9457 problem detail with a status that says whose fault it was and a
 * message a person can act on; no stack trace leaves the server and nothing is half-written.
 */
@IntegrationTest
class ErrorHandlingIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    CurrentUser referrer;

    @BeforeEach
    void setUp() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        referrer = fixtures.user(Role.REFERRER, acute);
    }

    @Test
    void answersMalformedJsonWith400ProblemDetail() {
        RawResponse response = refusedWithoutWriting(() -> register("{\"nhsNumber\": \"9434765919\", "));

        assertProblem(response, 400);
        assertThat(api.json(response).path("detail").asText()).isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void namesTheFieldAndTheAllowedValuesForAnUnknownEnumValue() {
        Map<String, Object> body = registration();
        body.put("sex", "ROBOT");

        RawResponse response = refusedWithoutWriting(() -> register(body));

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("sex");
        assertThat(problem.path("errors").get(0).path("message").asText())
                .isEqualTo("must be one of [FEMALE, MALE, OTHER, UNKNOWN]");
        assertThat(problem.path("detail").asText()).startsWith("sex: ");
    }

    @Test
    void namesEveryMissingRequiredField() {
        Map<String, Object> body = registration();
        body.remove("familyName");
        body.remove("dateOfBirth");

        RawResponse response = refusedWithoutWriting(() -> register(body));

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("familyName",
                "dateOfBirth");
        assertThat(problem.path("errors").findValuesAsText("message")).containsOnly("is required");
    }

    @Test
    void namesAnUnknownField() {
        Map<String, Object> body = registration();
        body.put("favouriteColour", "blue");

        RawResponse response = refusedWithoutWriting(() -> register(body));

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("favouriteColour");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("is not a known field");
    }

    @Test
    void answersAMalformedIdInThePathWith400() {
        RawResponse response = api.raw("GET", "/api/v1/patients/not-a-uuid", referrer, null);

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("id");
        assertThat(problem.path("detail").asText()).contains("PatientId");
    }

    @Test
    void answersAnUnknownPatientWith404ProblemDetail() {
        UUID unknown = UUID.randomUUID();
        RawResponse response = api.raw("GET", "/api/v1/patients/" + unknown, referrer, null);

        JsonNode problem = assertProblem(response, 404);
        assertThat(problem.path("title").asText()).isEqualTo("Not found");
        assertThat(problem.path("detail").asText()).isEqualTo("No patient with id " + unknown
                + " in your organisation's care");
    }

    @Test
    void refusesADuplicateNhsNumberWith409() {
        PatientRecord existing = fixtures.patient(referrer, LocalDate.of(1950, 1, 1));
        Map<String, Object> body = registration();
        body.put("nhsNumber", existing.summary().nhsNumber().formatted());

        RawResponse response = refusedWithoutWriting(() -> register(body));

        JsonNode problem = assertProblem(response, 409);
        assertThat(problem.path("detail").asText()).contains("already registered")
                .contains(existing.summary().nhsNumber().formatted());
    }

    @Test
    void answersAWrongMethodWith405NotAServerError() {
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1951, 1, 1));

        RawResponse delete = refusedWithoutWriting(
                () -> api.raw("DELETE", "/api/v1/patients/" + patient.summary().id(), referrer, null));
        RawResponse put = refusedWithoutWriting(() -> api.raw("PUT", "/api/v1/census", referrer, "{}"));

        assertThat(assertProblem(delete, 405).path("detail").asText()).contains("DELETE");
        assertProblem(put, 405);
    }

    @Test
    void answersAnUnknownApiPathWith404ProblemDetail() {
        assertProblem(api.raw("GET", "/api/v1/no-such-thing", referrer, null), 404);
    }

    @Test
    void answersAMissingBodyWith400ProblemDetail() {
        assertProblem(refusedWithoutWriting(() -> api.raw("POST", "/api/v1/patients", referrer, null)), 400);
    }

    @Test
    void registersTheSameBodyOnceItIsValid() {
        // the bodies the other tests break are valid until broken: the failures above are the breakage, not the body
        RawResponse created = register(registration());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The problem detail's JSON, after checking what every API failure must be. */
    private JsonNode assertProblem(RawResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("at java.").doesNotContain("trace");
        JsonNode problem = api.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    /** Runs a request that must fail, and checks it wrote no patient, carer, care-team or audit row. */
    private RawResponse refusedWithoutWriting(Supplier<RawResponse> request) {
        List<Long> before = rowCounts();
        RawResponse response = request.get();
        assertThat(rowCounts()).as("rows in patient, carer, patient_care_team, audit_event").isEqualTo(before);
        return response;
    }

    private List<Long> rowCounts() {
        return List.of(count("patient"), count("carer"), count("patient_care_team"), count("audit_event"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private RawResponse register(Object body) {
        try {
            return api.raw("POST", "/api/v1/patients", referrer,
                    body instanceof String text ? text : json.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> registration() {
        return json.convertValue(fixtures.patientDetails(LocalDate.of(1948, 3, 3)),
                new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
