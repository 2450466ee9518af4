package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.homeward.referral.AdmissionView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.patient.PatientRecord;
import org.homeward.support.Api;
import org.homeward.support.Api.RawResponse;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile and broken input to every write endpoint of the API (the corpus: src/test/resources/fuzz/write-endpoints.tsv,
 * one row per endpoint, and the categories below). Each case is sent as a user whose role may call the endpoint, to
 * real ids where the path has them, and must be answered with a 4xx problem detail that has a detail, leave every
 * table's row count unchanged and, where the category allows, name the broken field.
 * <p>
 * A broken value is sent alone in an otherwise empty body: JSON binding fails on it before validation looks at the
 * missing fields, so the answer naming that field proves it was the broken value that was refused. Which fields are
 * text, numbers, enums or dates comes from the OpenAPI document, so the cases follow the API as it changes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzCorpusIT {

    private static final String HUGE_STRING = "x".repeat(1024 * 1024);
    /**
     * Stands for a lone surrogate until the body is written: Java would send a real one as '?' when it encodes the
     * body as UTF-8, so the body carries JSON escape for it (backslash, u, d800) instead, which is how a client sends one.
     */
    private static final String LONE_SURROGATE = "@LONE-SURROGATE@";

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    JsonNode openApi;
    Map<Role, CurrentUser> users = new LinkedHashMap<>();
    Map<String, String> ids = new LinkedHashMap<>();
    String countAllRows;

    @BeforeAll
    void setUp() {
        openApi = api.getAnonymous("/v3/api-docs").body();
        Organisation host = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        for (Role role : Role.values()) {
            users.put(role, fixtures.user(role, host));
        }
        VirtualWard ward = fixtures.ward(host, 5);
        PatientRecord patient = fixtures.patient(users.get(Role.REFERRER), LocalDate.of(1950, 5, 5));
        AdmissionView admission = fixtures.admit(patient, ward, users.get(Role.REFERRER),
                users.get(Role.SENIOR_DECISION_MAKER));
        ids.put("patients", patient.summary().id().toString());
        ids.put("wards", ward.id().toString());
        ids.put("referrals", admission.referralId().toString());
        ids.put("admissions", admission.id().toString());
        ids.put("organisations", host.id().toString());
        // One query counting the rows of every table in the schema, generated from the catalogue so a new table is
        // included without anyone remembering to add it. Exact counts (count(*)), not pg_stat_user_tables'
        // n_live_tup, which the statistics collector updates late and approximately. The audit table is included:
        // these requests read nothing, so a refused request must not add an audit row either.
        countAllRows = jdbc.sql("""
                select string_agg(format('select %L as name, count(*) as n from %I', table_name, table_name),
                                  ' union all ' order by table_name)
                from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
                """).query(String.class).single();
    }

    @Test
    void theCorpusCoversEveryWriteEndpointInTheOpenApiDocument() {
        Set<String> documented = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("post", "put", "patch", "delete").contains(method) && path.getKey().startsWith("/api/v1/")) {
                documented.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        Set<String> inCorpus = new TreeSet<>(corpus().stream().map(Endpoint::name).toList());

        assertThat(documented).as("write endpoints with no row in fuzz/write-endpoints.tsv").isSubsetOf(inCorpus);
        assertThat(inCorpus).as("rows in fuzz/write-endpoints.tsv for endpoints that no longer exist").isSubsetOf(documented);
    }

    @TestFactory
    Stream<DynamicTest> everyWriteEndpointRefusesBrokenInputWithAProblemDetailAndWritesNothing() {
        return corpus().stream().flatMap(endpoint -> cases(endpoint).stream())
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    // ------------------------------------------------------------------------------------------------------------

    record Endpoint(String method, String path, Role role, ObjectNode base) {
        String name() {
            return method + " " + path;
        }
    }

    /** One request of the corpus; {@code field} is the field the answer must name, or null when any 4xx will do. */
    record Case(Endpoint endpoint, String category, String path, String body, String field, String detailStart) {
        @Override
        public String toString() {
            return endpoint.name() + " [" + category + "]";
        }
    }

    private List<Endpoint> corpus() {
        try (InputStream in = getClass().getResourceAsStream("/fuzz/write-endpoints.tsv")) {
            List<Endpoint> endpoints = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                String[] endpoint = columns[0].split(" ");
                ObjectNode base = columns[2].equals("-") ? json.createObjectNode() : (ObjectNode) json.readTree(columns[2]);
                endpoints.add(new Endpoint(endpoint[0], endpoint[1], Role.valueOf(columns[1]), base));
            }
            return endpoints;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Case> cases(Endpoint endpoint) {
        List<Case> cases = new ArrayList<>();
        String path = withIds(endpoint.path(), null);
        JsonNode body = requestSchema(endpoint);
        if (body != null) {
            String base = endpoint.base().toString();
            String inner = base.substring(1, base.length() - 1);
            String baseFields = inner.isEmpty() ? "" : inner + ", ";
            cases.add(new Case(endpoint, "duplicate keys", path, "{" + baseFields + "\"dup\": 1, \"dup\": 2}", "dup",
                    "Duplicate field 'dup'"));
            cases.add(new Case(endpoint, "trailing tokens", path, base + " {\"again\": true}", null,
                    "Unexpected text after the JSON body"));
            cases.add(new Case(endpoint, "trailing garbage", path, base + " ]", null, null));
            cases.add(new Case(endpoint, "malformed JSON", path, "{" + baseFields + "\"a\": ", null,
                    "The request body is not valid JSON."));
            cases.add(new Case(endpoint, "wrong type: body", path, isArray(body) ? "{\"not\": \"a list\"}" : "[1, 2, 3]",
                    null, null));
            field(endpoint, body, this::isText, json.createObjectNode().put("nested", true)).ifPresent(f ->
                    cases.add(f.asCase(endpoint, "wrong type: field", path, "must be text")));
            field(endpoint, body, this::isText, json.getNodeFactory().textNode("A\u0000B")).ifPresent(f ->
                    cases.add(f.asCase(endpoint, "NUL byte", path, "must not contain a NUL character")));
            field(endpoint, body, this::isText, json.getNodeFactory().textNode("A" + LONE_SURROGATE + "B")).ifPresent(f ->
                    cases.add(f.asCase(endpoint, "lone surrogate", path, "must not contain a lone surrogate")));
            field(endpoint, body, this::isText, json.getNodeFactory().textNode(HUGE_STRING)).ifPresent(f ->
                    cases.add(f.anyField(endpoint, "huge string (1 MB)", path)));
            field(endpoint, body, this::isNumber, json.getNodeFactory().rawValueNode(
                    new com.fasterxml.jackson.databind.util.RawValue("1e400"))).ifPresent(f ->
                    cases.add(f.asCase(endpoint, "huge number 1e400", path, null)));
            field(endpoint, body, this::isNumber, json.getNodeFactory().numberNode(
                    java.math.BigInteger.TWO.pow(70))).ifPresent(f ->
                    cases.add(f.anyField(endpoint, "huge number 2^70", path)));
            field(endpoint, body, this::isEnum, json.getNodeFactory().textNode("NOT_A_VALUE")).ifPresent(f ->
                    cases.add(f.asCase(endpoint, "unknown enum value", path, "must be one of")));
            field(endpoint, body, s -> "date".equals(s.path("format").asText()),
                    json.getNodeFactory().textNode("-999999999-01-01")).ifPresent(f ->
                    cases.add(f.asCase(endpoint, "out-of-range date", path, "must be between 1900-01-01")));
            field(endpoint, body, s -> "date-time".equals(s.path("format").asText()),
                    json.getNodeFactory().textNode("0000-01-01T00:00:00Z")).ifPresent(f ->
                    cases.add(f.asCase(endpoint, "out-of-range time", path, "must be between 1900-01-01")));
        }
        if (endpoint.path().contains("{")) {
            String someBody = body == null ? null : endpoint.base().toString();
            cases.add(new Case(endpoint, "wrong type: path id", withIds(endpoint.path(), "not-an-id"), someBody, null, null));
            cases.add(new Case(endpoint, "NUL byte: path id", withIds(endpoint.path(), "a%00b"), someBody, null, null));
            cases.add(new Case(endpoint, "lone surrogate: path id", withIds(endpoint.path(), "a%ED%A0%80b"), someBody,
                    null, null));
            // 3,000 characters in each id keeps a two-id path under Tomcat's 8 KB request-header limit: over it
            // Tomcat answers 400 and closes the connection while the client may still be sending, and the client can
            // then see only the reset ("header parser received no bytes"), which is TCP, not Homeward
            cases.add(new Case(endpoint, "huge string: path id", withIds(endpoint.path(), "a".repeat(3000)), someBody,
                    null, null));
            // a path Tomcat cannot decode (%ZZ) cannot be sent with Java's HTTP client: StrictInputIT sends those
        }
        return cases;
    }

    private void check(Case c) {
        Map<String, Long> before = rowCounts();
        RawResponse response = api.raw(c.endpoint().method(), c.path(), users.get(c.endpoint().role()), c.body());
        Map<String, Long> after = rowCounts();

        String shown = response.toString().length() > 600 ? response.toString().substring(0, 600) : response.toString();
        if (c.endpoint().name().equals("POST /api/v1/observations/batch") && response.status() == 422) {
            // A device batch that binds is answered with its documented per-reading report (BatchResult: each
            // rejected reading's field and reason), not a problem detail; in ALL_OR_NOTHING mode nothing is stored.
            JsonNode report = api.json(response);
            assertThat(report.path("stored").asInt()).as(shown).isZero();
            assertThat(report.path("rejected").get(0).path("reason").asText()).as(shown).isNotBlank();
            assertThat(after).as("row counts of every table").isEqualTo(before);
            return;
        }
        assertThat(response.status()).as(shown).isBetween(400, 499);
        assertThat(response.contentType()).as(shown).startsWith("application/problem+json");
        JsonNode problem = api.json(response);
        assertThat(problem.path("detail").asText()).as(shown).isNotBlank();
        assertThat(response.body()).as(shown).doesNotContain("Exception").doesNotContain("at org.");
        if (c.detailStart() != null) {
            assertThat(problem.path("detail").asText()).as(shown).startsWith(c.detailStart());
        }
        if (c.field() != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(shown).contains(c.field());
        }
        assertThat(after).as("row counts of every table").isEqualTo(before);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(countAllRows).query((rs, n) -> counts.put(rs.getString("name"), rs.getLong("n"))).list();
        return counts;
    }

    /** The path with the fixtures' real ids, or with {@code broken} in place of every variable. */
    private String withIds(String template, String broken) {
        String[] parts = template.split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("{")) {
                part = broken != null ? broken
                        : part.equals("{date}") ? LocalDate.now().toString()
                        : part.equals("{organisationId}") ? ids.get("organisations")
                        : ids.getOrDefault(parts[i - 1], UUID.randomUUID().toString());
            }
            path.append('/').append(part);
        }
        return path.toString();
    }

    private JsonNode requestSchema(Endpoint endpoint) {
        JsonNode content = openApi.path("paths").path(endpoint.path()).path(endpoint.method().toLowerCase())
                .path("requestBody").path("content");
        if (content.isMissingNode()) {
            return null;
        }
        Iterator<JsonNode> types = content.elements();
        return types.hasNext() ? resolve(types.next().path("schema")) : null;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            schema = openApi.path("components").path("schemas").path(name);
        }
        return schema;
    }

    private boolean isArray(JsonNode schema) {
        return "array".equals(schema.path("type").asText());
    }

    private boolean isText(JsonNode schema) {
        return "string".equals(schema.path("type").asText()) && !schema.has("enum") && !schema.has("format");
    }

    private boolean isNumber(JsonNode schema) {
        return Set.of("number", "integer").contains(schema.path("type").asText());
    }

    private boolean isEnum(JsonNode schema) {
        return schema.has("enum");
    }

    /** A body holding {@code value} in the first field (searched to three levels) the predicate picks. */
    record Field(String body, String name) {
        Case asCase(Endpoint endpoint, String category, String path, String messageStart) {
            return new Case(endpoint, category, path, body, name, null);
        }

        Case anyField(Endpoint endpoint, String category, String path) {
            return new Case(endpoint, category, path, body, null, null);
        }
    }

    private java.util.Optional<Field> field(Endpoint endpoint, JsonNode schema, Predicate<JsonNode> wanted, JsonNode value) {
        return place(schema, wanted, value, 0).map(found -> {
            JsonNode body = found.getKey();
            if (body instanceof ObjectNode object) {
                ObjectNode merged = endpoint.base().deepCopy();
                merged.setAll(object);
                body = merged;
            }
            return new Field(body.toString().replace(LONE_SURROGATE, "\\ud800"), found.getValue());
        });
    }

    /** The smallest JSON that puts {@code value} where the schema has a field the predicate picks, and its name. */
    private java.util.Optional<Map.Entry<JsonNode, String>> place(JsonNode schema, Predicate<JsonNode> wanted,
            JsonNode value, int depth) {
        schema = resolve(schema);
        if (depth > 3) {
            return java.util.Optional.empty();
        }
        if (isArray(schema)) {
            return place(schema.path("items"), wanted, value, depth + 1).map(inner -> {
                ArrayNode array = json.createArrayNode().add(inner.getKey());
                return Map.entry(array, "[0]" + (inner.getValue().isEmpty() ? "" : "." + inner.getValue()));
            });
        }
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode propertySchema = resolve(property.getValue());
            if (wanted.test(propertySchema)) {
                return java.util.Optional.of(Map.entry(json.createObjectNode().set(property.getKey(), value),
                        property.getKey()));
            }
        }
        properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            var inner = place(property.getValue(), wanted, value, depth + 1);
            if (inner.isPresent()) {
                String name = inner.get().getValue().startsWith("[") ? property.getKey() + inner.get().getValue()
                        : property.getKey() + "." + inner.get().getValue();
                return java.util.Optional.of(Map.entry(json.createObjectNode().set(property.getKey(),
                        inner.get().getKey()), name));
            }
        }
        return java.util.Optional.empty();
    }
}
