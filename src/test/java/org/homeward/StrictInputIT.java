package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.homeward.referral.AdmissionView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.RawResponse;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input that is not what the client meant, or that PostgreSQL would refuse or change, is a 400 problem detail naming
 * the problem, and nothing is written or acted on (issue 10, item 4). Errors Tomcat raises before any servlet runs
 * are problem details on /api and the error page elsewhere; those are sent over a raw socket so that the malformed
 * request really reaches Tomcat as written.
 */
@IntegrationTest
class StrictInputIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired Environment environment;

    CurrentUser referrer;

    @BeforeEach
    void setUp() {
        referrer = fixtures.user(Role.REFERRER, fixtures.organisation(OrganisationType.ACUTE_TRUST));
    }

    @Test
    void refusesADuplicateKeyWith400NamingIt() {
        String body = registration().replaceFirst("\\{", "{\"givenName\": \"Eve\", ");

        JsonNode problem = assertProblem(register(body), 400);

        assertThat(problem.path("detail").asText()).startsWith("Duplicate field 'givenName'");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("givenName");
    }

    @Test
    void refusesTextAfterTheJsonBodyAndDoesNotDischarge() {
        Organisation host = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, host);
        CurrentUser hostReferrer = fixtures.user(Role.REFERRER, host);
        AdmissionView admission = fixtures.admit(fixtures.patient(hostReferrer, LocalDate.of(1950, 5, 5)),
                fixtures.ward(host, 5), hostReferrer, consultant);

        RawResponse response = api.raw("POST", "/api/v1/admissions/" + admission.id() + "/discharge", consultant,
                "{\"destination\": \"USUAL_RESIDENCE\", \"summary\": \"Well\"} {\"destination\": \"DIED\"}");

        assertThat(assertProblem(response, 400).path("detail").asText())
                .startsWith("Unexpected text after the JSON body");
        RawResponse after = api.raw("GET", "/api/v1/admissions/" + admission.id(), consultant, null);
        assertThat(api.json(after).path("dischargedAt").isMissingNode()).as(after.toString()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01", "-999999999-01-01", "1899-12-31", "+999999999-12-31"})
    void refusesAnImpossibleDateOfBirth(String dateOfBirth) {
        String body = registration().replace("\"1948-03-03\"", "\"" + dateOfBirth + "\"");

        JsonNode problem = assertProblem(register(body), 400);

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("dateOfBirth");
        assertThat(problem.path("detail").asText()).contains("1900-01-01");
    }

    @Test
    void refusesABirthDateBefore1900ThroughTheServiceRuleToo() {
        // 1900 is the earliest any date may be; a birth date before it is refused by the patient module's own rule
        assertThat(PlausibleDatesProbe.refuses(LocalDate.of(1899, 12, 31))).isTrue();
        assertThat(PlausibleDatesProbe.refuses(LocalDate.of(1900, 1, 1))).isFalse();
    }

    @Test
    void refusesANulCharacterNamingTheField() {
        String body = registration().replace("\"Ada\"", "\"A\\u0000da\"");

        JsonNode problem = assertProblem(register(body), 400);

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("givenName");
        assertThat(problem.path("detail").asText()).contains("NUL");
    }

    @Test
    void refusesALoneSurrogateNamingTheField() {
        String body = registration().replace("\"Ada\"", "\"A\\ud800da\"");

        JsonNode problem = assertProblem(register(body), 400);

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("givenName");
        assertThat(problem.path("detail").asText()).contains("surrogate");
    }

    @Test
    void acceptsAPairedSurrogateAsTheCharacterItIs() {
        String body = registration().replace("\"Ada\"", "\"Ada \\ud83d\\ude00\"");

        RawResponse created = register(body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.json(created).findValue("givenName").asText()).isEqualTo("Ada \uD83D\uDE00");
    }

    @Test
    void refusesANulCharacterInAQueryParameter() {
        RawResponse response = api.raw("GET", "/api/v1/patients?q=Ad%00a", referrer, null);

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesAnInfiniteNumber() {
        String body = registration().replace("\"latitude\":50.71", "\"latitude\":1e400");

        JsonNode problem = assertProblem(register(body), 400);

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("latitude");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/%ZZ", "/api/v1/patients/%2e%2e%2f%2e%2e", "/api/v1/pat%00ients",
            "/api/v1/patients/a%2Fb", "/api/v1/p|atients"})
    void answersAMalformedApiPathWithAProblemDetail(String path) throws IOException {
        String response = rawHttp("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(statusOf(response)).as(response).isBetween(400, 499);
        assertThat(response).as(response).containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"detail\":").doesNotContain("Tomcat").doesNotContain("Exception");
    }

    @Test
    void answersAnOverlongApiQueryWithAProblemDetail() throws IOException {
        String response = rawHttp("GET /api/v1/patients?q=" + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(statusOf(response)).as(response).isBetween(400, 499);
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json").contains("\"detail\":")
                .doesNotContain("Tomcat");
    }

    @Test
    void answersAnOverlongHeaderWithAProblemDetail() throws IOException {
        String response = rawHttp("GET /api/v1/patients HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(statusOf(response)).as(response).isBetween(400, 499);
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json").contains("\"detail\":")
                .doesNotContain("Tomcat");
    }

    @Test
    void answersAMalformedPagePathWithTheErrorPage() throws IOException {
        String response = rawHttp("GET /patients/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(statusOf(response)).as(response).isEqualTo(400);
        assertThat(response).containsIgnoringCase("Content-Type: text/html").contains("data-testid=\"error-title\"")
                .contains("nhsuk-header").doesNotContain("Tomcat");
    }

    @Test
    void answersAnEncodedSlashOnAPageWithTheErrorPage() throws IOException {
        String response = rawHttp("GET /patients/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(statusOf(response)).as(response).isBetween(400, 499);
        assertThat(response).containsIgnoringCase("Content-Type: text/html").contains("error-title")
                .doesNotContain("Tomcat").doesNotContain("\"timestamp\"");
    }

    @Test
    void theRegistrationFormRefusesANulCharacterAndAnImpossibleBirthDateOnTheForm() {
        PageSession browser = PageSession.signIn(api.baseUrl(), referrer);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nhsNumber", Fixtures.newNhsNumber());
        fields.put("givenName", "A\u0000da");
        fields.put("familyName", "Lovelace");
        fields.put("dateOfBirth", "0000-01-01");
        fields.put("sex", "FEMALE");
        fields.put("ethnicCategory", "A");
        fields.put("addressLine1", "1 High Street");
        fields.put("town", "Dorchester");
        fields.put("postcode", "DT1 1AA");
        fields.put("gpPracticeCode", "J81012");
        fields.put("gpPracticeName", "Dorchester Health Centre");
        long before = patients();

        Page form = browser.submit(browser.get("/patients/new"), "form[action='/patients']", fields);

        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.testId("errors")).contains("must not contain a NUL character")
                .contains("Date of birth must be a real date");
        assertThat(patients()).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Calls the patient module's birth-date rule, the one every caller uses. */
    static final class PlausibleDatesProbe {
        static boolean refuses(LocalDate dateOfBirth) {
            try {
                org.homeward.shared.PlausibleDates.requireDateOfBirth("dateOfBirth", dateOfBirth, LocalDate.of(2026, 1, 1));
                return false;
            } catch (org.homeward.shared.InvalidInputException refused) {
                return refused.field().equals("dateOfBirth");
            }
        }
    }

    private JsonNode assertProblem(RawResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        JsonNode problem = api.json(response);
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private RawResponse register(String body) {
        long before = patients();
        RawResponse response = api.raw("POST", "/api/v1/patients", referrer, body);
        if (response.status() >= 400) {
            assertThat(patients()).as("patients after a refused registration").isEqualTo(before);
        }
        return response;
    }

    private long patients() {
        return jdbc.sql("select count(*) from patient").query(Long.class).single();
    }

    private String registration() {
        try {
            Map<String, Object> body = json.convertValue(fixtures.patientDetails(LocalDate.of(1948, 3, 3)),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request bytes exactly as written and returns the whole response (headers and body). */
    private String rawHttp(String request) throws IOException {
        int port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            StringBuilder response = new StringBuilder();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            char[] buffer = new char[8192];
            for (int n; (n = in.read(buffer)) != -1; ) {
                response.append(buffer, 0, n);
            }
            return response.toString();
        }
    }

    private static int statusOf(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
