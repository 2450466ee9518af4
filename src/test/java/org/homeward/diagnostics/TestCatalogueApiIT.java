package org.homeward.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
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
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test catalogue changed through the API across organisations: the acute trust's pharmacist adds a test and its
 * consultant changes it, each change a version with its reason; results filed before a change keep the range, flag and
 * catalogue version they were filed with (no re-flagging), results after it are judged by the new one; the community
 * nurse, the GP practice's referrer, the coordinator and the administrator may not change it (403) but read it; an
 * organisation outside the patient's care team reads the catalogue yet gets 404 for the patient's results; each
 * refusal is a 400 naming the field and writes nothing.
 */
@IntegrationTest
class TestCatalogueApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser consultant;
    CurrentUser pharmacist;
    CurrentUser lab;
    CurrentUser nurse;
    CurrentUser gpReferrer;
    CurrentUser coordinator;
    CurrentUser admin;
    CurrentUser outsider;
    UUID patientId;
    String code;
    String name;

    @BeforeEach
    void admitAPatientAndNameANewTest() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        Organisation gpOrganisation = fixtures.gpOrganisation(practice);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        lab = fixtures.user(Role.CLINICIAN, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        admin = fixtures.user(Role.ADMIN, acute);
        gpReferrer = fixtures.user(Role.REFERRER, gpOrganisation);
        outsider = fixtures.user(Role.SENIOR_DECISION_MAKER, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1946, 8, 21), practice);
        fixtures.admit(patient, ward, referrer, consultant);
        patientId = patient.summary().id().value();
        String unique = Fixtures.unique("X").replace('-', '_');
        code = "MG_" + unique;
        name = "Magnesium " + unique;
    }

    Map<String, Object> magnesium(String high, String criticalHigh) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", "BLOOD");
        body.put("unit", "mmol/L");
        body.put("adultLow", 0.7);
        body.put("adultHigh", Double.valueOf(high));
        body.put("criticalLow", 0.4);
        body.put("criticalHigh", criticalHigh == null ? null : Double.valueOf(criticalHigh));
        body.put("source", "Range: the trust's laboratory handbook. Critical: local choice of the clinical lead");
        return body;
    }

    @Test
    void aChangeIsANewVersionAndEarlierResultsKeepTheRangeAndFlagTheyWereFiledWith() {
        Response added = api.post(pharmacist, "/api/v1/test-catalogue", magnesium("1.0", "2.0"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.text("code")).isEqualTo(code);
        assertThat(added.body().path("version").asInt()).isEqualTo(1);
        assertThat(added.text("savedBy")).startsWith(pharmacist.displayName()).contains("Pharmacist");
        assertThat(added.body().path("panelCode").asText("")).isEmpty();
        for (CurrentUser reader : List.of(nurse, gpReferrer, outsider, admin)) {
            Response read = api.get(reader, "/api/v1/test-catalogue");
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.body().findValuesAsText("code")).contains(code, "SODIUM");
        }

        // filed against version 1: 1.1 is above 0.7-1.0, and 1.6 under the critical limit of 2.0
        String before = orderAndFile("1.1");
        String beforeHigh = orderAndFile("1.6");
        JsonNode first = result(before);
        assertThat(first.path("flag").asText()).isEqualTo("ABNORMAL_HIGH");
        assertThat(first.path("catalogueVersion").asInt()).isEqualTo(1);
        assertThat(first.path("referenceRange").path("high").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(result(beforeHigh).path("flag").asText()).isEqualTo("ABNORMAL_HIGH");

        Map<String, Object> wider = magnesium("1.2", "1.5");
        wider.put("reason", "New analyser: the laboratory's range is now 0.7-1.2; critical high lowered on renal advice");
        Response changed = api.put(consultant, "/api/v1/test-catalogue/" + code, wider);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().path("version").asInt()).isEqualTo(2);
        assertThat(changed.body().path("adultRange").path("high").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(changed.text("reason")).startsWith("New analyser");

        // the results filed before the change are as they were: no re-flagging, no alert for 1.6
        JsonNode kept = result(before);
        assertThat(kept.path("flag").asText()).isEqualTo("ABNORMAL_HIGH");
        assertThat(kept.path("referenceRange").path("high").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(kept.path("catalogueVersion").asInt()).isEqualTo(1);
        assertThat(result(beforeHigh).path("flag").asText()).isEqualTo("ABNORMAL_HIGH");
        assertThat(jdbc.sql("select count(*) from alert where patient_id = ?").param(patientId).query(Long.class)
                .single()).isZero();

        // filed after it: judged by version 2
        JsonNode after = result(orderAndFile("1.1"));
        assertThat(after.path("flag").asText()).isEqualTo("NORMAL");
        assertThat(after.path("referenceRange").path("high").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(after.path("catalogueVersion").asInt()).isEqualTo(2);
        assertThat(result(orderAndFile("1.6")).path("flag").asText()).isEqualTo("CRITICAL_HIGH");

        Response history = api.get(gpReferrer, "/api/v1/test-catalogue/" + code + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.body()).hasSize(2);
        assertThat(history.body().get(0).path("adultRange").path("high").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(history.body().get(0).path("reason").asText("")).isEmpty();
        assertThat(history.body().get(1).path("savedBy").asText()).startsWith(consultant.displayName());
        assertThat(history.body().get(1).path("reason").asText()).startsWith("New analyser");
        assertThat(jdbc.sql("select action from audit_event where record_type = 'TestCatalogue' and record_id = ? "
                + "order by id").param(code).query(String.class).list()).containsExactly("CREATE", "UPDATE");
        assertThatThrownBy(() -> jdbc.sql("update diagnostic_test_version set adult_high = 9 where code = ?")
                .param(code).update()).hasMessageContaining("append-only");

        // the seeded tests start their history at version 1
        Response sodium = api.get(nurse, "/api/v1/test-catalogue/SODIUM/history");
        assertThat(sodium.body().get(0).path("savedBy").asText()).contains("migration V35");
    }

    @Test
    void onlySeniorsAndPharmacistsChangeTheCatalogueAndOthersOrganisationsSeeNoResults() {
        long tests = rows();
        for (CurrentUser refused : List.of(nurse, gpReferrer, coordinator, admin)) {
            Response post = api.post(refused, "/api/v1/test-catalogue", magnesium("1.0", "2.0"));
            assertThat(post.status()).as(refused.role() + ": " + post).isEqualTo(403);
            assertThat(post.body().path("detail").asText()).contains("may not change the test catalogue",
                    "Senior decision-maker, Pharmacist");
            assertThat(api.put(refused, "/api/v1/test-catalogue/SODIUM", Map.of("reason", "x")).status())
                    .isEqualTo(403);
        }
        assertThat(rows()).isEqualTo(tests);

        assertThat(api.post(consultant, "/api/v1/test-catalogue", magnesium("1.0", "2.0")).status()).isEqualTo(201);
        String resultId = orderAndFile("0.9");
        assertThat(api.get(outsider, "/api/v1/patients/" + patientId + "/test-orders").status()).isEqualTo(404);
        assertThat(api.post(outsider, "/api/v1/results/" + resultId + "/acknowledgement", Map.of()).status())
                .isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/test-catalogue/" + code + "/history").status()).isEqualTo(200);
        assertThat(api.get(nurse, "/api/v1/patients/" + patientId + "/test-orders").status()).isEqualTo(200);
    }

    @Test
    void eachRefusalIsA400NamingTheFieldAndWritesNothing() {
        long tests = rows();
        assertThat(field(add(Map.of("unit", "")))).isEqualTo("unit");
        assertThat(field(add(Map.of("adultHigh", 0.7)))).isEqualTo("adultHigh");
        assertThat(field(add(Map.of("criticalLow", 0.7)))).isEqualTo("criticalLow");
        assertThat(field(add(Map.of("criticalHigh", 1.0)))).isEqualTo("criticalHigh");
        assertThat(field(add(Map.of("source", " ")))).isEqualTo("source");
        assertThat(field(add(Map.of("code", "mg 1")))).isEqualTo("code");
        assertThat(field(add(Map.of("kind", "ECG")))).isEqualTo("unit");
        assertThat(field(add(Map.of("name", "Sodium")))).isEqualTo("name");
        Response taken = add(Map.of("code", "SODIUM", "name", "Another sodium"));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(rows()).isEqualTo(tests);

        assertThat(api.post(pharmacist, "/api/v1/test-catalogue", magnesium("1.0", "2.0")).status()).isEqualTo(201);
        String path = "/api/v1/test-catalogue/" + code;
        assertThat(field(api.put(pharmacist, path, magnesium("1.1", "2.0")))).isEqualTo("reason");
        Map<String, Object> words = magnesium("1.0", "2.0");
        words.putAll(Map.of("kind", "ECG", "reason", "Reported in words now"));
        words.remove("unit");
        words.keySet().removeIf(k -> k.startsWith("adult") || k.startsWith("critical"));
        assertThat(field(api.put(pharmacist, path, words))).isEqualTo("kind");
        Map<String, Object> recoded = magnesium("1.0", "2.0");
        recoded.putAll(Map.of("code", "MAGNESIUM_NEW", "reason", "Recode"));
        assertThat(field(api.put(pharmacist, path, recoded))).isEqualTo("code");
        Map<String, Object> unchanged = magnesium("1.0", "2.0");
        unchanged.put("reason", "Nothing really");
        assertThat(api.put(pharmacist, path, unchanged).status()).isEqualTo(409);
        Map<String, Object> unknown = magnesium("1.0", "2.0");
        unknown.put("reason", "A test that is not there");
        assertThat(api.put(pharmacist, "/api/v1/test-catalogue/NO_SUCH_TEST", unknown).status()).isEqualTo(404);
        assertThat(api.get(pharmacist, "/api/v1/test-catalogue/NO_SUCH_TEST/history").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from diagnostic_test_version where code = ?").param(code)
                .query(Long.class).single()).isOne();
    }

    /** Orders the new test for the patient and files one result from the lab; answers with the result's id. */
    private String orderAndFile(String value) {
        Response ordered = api.post(consultant, "/api/v1/patients/" + patientId + "/test-orders", Map.of(
                "tests", List.of(code), "clinicalQuestion", "Magnesium on a proton pump inhibitor", "urgency",
                "ROUTINE"));
        assertThat(ordered.status()).as(ordered.toString()).isEqualTo(201);
        Response filed = api.post(lab, "/api/v1/test-orders/" + ordered.text("id") + "/results", Map.of("results",
                List.of(Map.of("testCode", code, "value", Double.valueOf(value), "unit", "mmol/L"))));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.body().path("results").get(0).path("id").asText();
    }

    private JsonNode result(String id) {
        Response orders = api.get(consultant, "/api/v1/patients/" + patientId + "/test-orders");
        for (JsonNode order : orders.body()) {
            for (JsonNode r : order.path("results")) {
                if (r.path("id").asText().equals(id)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no result " + id);
    }

    private Response add(Map<String, Object> changes) {
        Map<String, Object> body = magnesium("1.0", "2.0");
        body.putAll(changes);
        return api.post(pharmacist, "/api/v1/test-catalogue", body);
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from diagnostic_test) + (select count(*) from diagnostic_test_version)")
                .query(Long.class).single();
    }

    private static String field(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.body().path("errors").get(0).path("field").asText();
    }
}
