package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Fixtures;
import org.homeward.support.RealApplication;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR API across a restart of the real application on its own data folder, over real HTTP. In the afternoon a
 * device platform (as the community nurse) posts a transaction of vital signs that scores NEWS2 14 and raises an
 * alert; the nurse and the GP read the patient, the stay, the readings and the alert. The application stops overnight.
 * The next morning, after the restart, both read exactly what they read before; the device platform's retry of the
 * same transaction (its answer was lost in the restart) is answered with the same readings' addresses, as 200 rather
 * than 201, and nothing is stored or alerted twice; an organisation outside the care team still finds nothing.
 */
class FhirRestartIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock(LONDON);
    private final LocalDate day = LocalDate.now(LONDON);

    @Test
    void whatWasReadAndStoredBeforeARestartIsReadTheSameAfterItAndARetriedTransactionIsNotStoredTwice()
            throws Exception {
        CurrentUser nurse;
        CurrentUser gp;
        CurrentUser outsider;
        String patientId;
        String admissionId;
        String transaction;
        List<String> locations;
        Map<String, JsonNode> before;
        try (ConfigurableApplicationContext first = start()) {
            clock.set(at(day, "15:00"));
            Fixtures fixtures = first.getAutowireCapableBeanFactory().createBean(Fixtures.class);
            Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
            Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
            String practice = Fixtures.newPracticeCode();
            CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
            CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
            nurse = fixtures.user(Role.CLINICIAN, community);
            gp = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.gpOrganisation(practice));
            outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
            VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
            PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1944, 2, 17), practice);
            admissionId = fixtures.admit(patient, ward, referrer, consultant).id().value().toString();
            patientId = patient.summary().id().value().toString();

            clock.set(at(day, "16:00"));
            transaction = vitalSigns(patientId, at(day, "15:58"));
            Answer stored = post(first, nurse, transaction);
            assertThat(stored.status()).as(stored.body()).isEqualTo(200);
            assertThat(statuses(stored)).containsOnly("201 Created").hasSize(5);
            locations = locations(stored);
            before = picture(first, nurse, patientId, admissionId, locations);
            assertThat(picture(first, gp, patientId, admissionId, locations)).isEqualTo(before);
            assertThat(before.get("/fhir/Flag?patient=" + patientId).get(0).at("/code/text").asText())
                    .contains("NEWS2 14");
            clock.set(at(day, "23:00"));
        }

        // down overnight; back at 08:30 the next morning
        clock.set(at(day.plusDays(1), "08:30"));
        try (ConfigurableApplicationContext second = start()) {
            assertThat(picture(second, nurse, patientId, admissionId, locations)).isEqualTo(before);
            assertThat(picture(second, gp, patientId, admissionId, locations)).isEqualTo(before);

            Answer retried = post(second, nurse, transaction);
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            assertThat(statuses(retried)).as("a retry, not new readings").containsOnly("200 OK").hasSize(5);
            assertThat(locations(retried)).isEqualTo(locations);
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from observation_reading where patient_id = ?::uuid")
                    .param(patientId).query(Long.class).single()).isEqualTo(5);
            assertThat(jdbc.sql("select count(*) from alert where patient_id = ?::uuid").param(patientId)
                    .query(Long.class).single()).as("one alert, not raised again by the retry").isEqualTo(1);
            assertThat(picture(second, nurse, patientId, admissionId, locations)).isEqualTo(before);

            for (String path : reads(patientId, admissionId, locations)) {
                assertThat(get(second, outsider, path).status()).as(path).isEqualTo(404);
            }
        }
    }

    /** Every read by id and search by the patient, as the user reads them (a search: its resources, in order). */
    private Map<String, JsonNode> picture(ConfigurableApplicationContext app, CurrentUser user, String patientId,
            String admissionId, List<String> locations) throws IOException, InterruptedException {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (String path : reads(patientId, admissionId, locations)) {
            Answer read = get(app, user, path);
            assertThat(read.status()).as(path + ": " + read.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(read.body());
            if (path.contains("?")) {
                ArrayNode resources = JsonNodeFactory.instance.arrayNode();
                body.path("entry").forEach(e -> resources.add(e.path("resource")));
                seen.put(path, resources);
            } else {
                seen.put(path, body);
            }
        }
        return seen;
    }

    private static List<String> reads(String patientId, String admissionId, List<String> locations) {
        List<String> paths = new ArrayList<>(List.of("/fhir/Patient/" + patientId, "/fhir/Encounter/" + admissionId,
                "/fhir/Observation?patient=" + patientId, "/fhir/Flag?patient=" + patientId,
                "/fhir/Encounter?patient=" + patientId));
        locations.forEach(location -> paths.add("/fhir/" + location));
        return paths;
    }

    private record Answer(int status, String body) {
    }

    private static Answer post(ConfigurableApplicationContext app, CurrentUser user, String bundle)
            throws IOException, InterruptedException {
        HttpRequest request = request(app, user, "/fhir").header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static Answer get(ConfigurableApplicationContext app, CurrentUser user, String path)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request(app, user, path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext app, CurrentUser user, String path) {
        String port = app.getEnvironment().getProperty("local.server.port");
        String credentials = Base64.getEncoder().encodeToString((user.username() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Accept", "application/fhir+json");
    }

    private static List<String> statuses(Answer answer) throws IOException {
        List<String> statuses = new ArrayList<>();
        JSON.readTree(answer.body()).path("entry").forEach(e -> statuses.add(e.at("/response/status").asText()));
        return statuses;
    }

    private static List<String> locations(Answer answer) throws IOException {
        List<String> locations = new ArrayList<>();
        JSON.readTree(answer.body()).path("entry").forEach(e -> locations.add(e.at("/response/location").asText()));
        return locations;
    }

    /** Five vital signs taken together that score NEWS2 14, each with the device platform's own identifier. */
    private static String vitalSigns(String patientId, Instant taken) {
        String[][] readings = {{"9279-1", "27", "/min"}, {"2708-6", "90", "%"}, {"8867-4", "135", "/min"},
                {"8480-6", "88", "mm[Hg]"}, {"8310-5", "39.4", "Cel"}};
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
        for (int i = 0; i < readings.length; i++) {
            json.append(i == 0 ? "" : ",").append("""
                    {"resource":{"resourceType":"Observation","status":"final",\
                    "identifier":[{"system":"https://device-platform.example/readings","value":"%s"}],\
                    "category":[{"coding":[{"system":"%s","code":"vital-signs"}]}],\
                    "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]},\
                    "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s",\
                    "valueQuantity":{"value":%s,"system":"http://unitsofmeasure.org","code":"%s"}},\
                    "request":{"method":"POST","url":"Observation"}}""".formatted(UUID.randomUUID(),
                    ObservationTranslator.CATEGORY_SYSTEM, readings[i][0], patientId, taken, readings[i][1],
                    readings[i][2]));
        }
        return json.append("]}").toString();
    }

    private static Instant at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(LONDON).toInstant();
    }

    private ConfigurableApplicationContext start() {
        return RealApplication.start(dataDir, clock, "--homeward.fhir.validation.warm-up-at-start=false");
    }
}
