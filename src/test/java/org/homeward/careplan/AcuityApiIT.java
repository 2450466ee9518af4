package org.homeward.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acuity and criteria to reside through the API, in shared care: the acute trust's ward, visited by the community
 * provider. The community nurse assesses, the acute consultant reads, another organisation is refused; an
 * administrator's change to a row leaves past assessments as they were scored; the ward's weighted capacity.
 */
@IntegrationTest
class AcuityApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    CurrentUser communityNurse;
    CurrentUser consultant;
    CurrentUser outsider;
    CurrentUser pharmacist;
    CurrentUser admin;
    CurrentUser commissioner;
    CurrentUser referrer;
    VirtualWard ward;
    PatientRecord patient;
    PatientRecord second;
    PatientRecord notAdmitted;
    final List<String> addedRows = new ArrayList<>();

    @BeforeEach
    void admitTwoPatients() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        admin = fixtures.user(Role.ADMIN, acute);
        communityNurse = fixtures.user(Role.CLINICIAN, community);
        outsider = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        commissioner = fixtures.user(Role.COMMISSIONER, fixtures.organisation(OrganisationType.ICB));
        ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1944, 4, 4));
        second = fixtures.patient(referrer, LocalDate.of(1945, 5, 5));
        notAdmitted = fixtures.patient(referrer, LocalDate.of(1946, 6, 6));
        fixtures.admit(patient, ward, referrer, consultant);
        fixtures.admit(second, ward, referrer, consultant);
    }

    @AfterEach
    void retireTheRowsThisTestAdded() {
        for (String code : addedRows) {
            api.put(admin, "/api/v1/acuity-tool/rows/" + code, Map.of("active", false, "reason", "test over"));
        }
    }

    @Test
    void theCommunityNurseAssessesAndTheAcuteConsultantReads() {
        // IV antibiotics (3), oxygen (3), daily senior review (2): 8, moderate; NEWS2 > 3 and oxygen to reside
        Response recorded = api.post(communityNurse, path(patient), assessment(Map.of("IV_THERAPY", true,
                "OXYGEN", true, "SENIOR_REVIEW_DAILY", true, "CTR_02_OXYGEN_NIV", true, "CTR_04_NEWS2", true)));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.body().path("score").asInt()).isEqualTo(8);
        assertThat(recorded.body().path("level").asInt()).isEqualTo(2);
        assertThat(recorded.text("levelLabel")).isEqualTo("Moderate");
        assertThat(recorded.body().path("visitsPerDay").asInt()).isEqualTo(2);
        assertThat(recorded.body().path("meetsCriteriaToReside").asBoolean()).isTrue();

        Response read = api.get(consultant, path(patient));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).hasSize(1);
        assertThat(read.body().get(0).path("assessedBy").asText()).isEqualTo(communityNurse.username());
        List<String> met = new ArrayList<>();
        read.body().get(0).path("answers").forEach(a -> {
            if (a.path("group").asText().equals("CRITERIA_TO_RESIDE") && a.path("answer").asBoolean()) {
                met.add(a.path("code").asText());
            }
        });
        assertThat(met).containsExactly("CTR_02_OXYGEN_NIV", "CTR_04_NEWS2");

        // a second assessment the same day is kept too; the latest counts
        Response later = api.post(consultant, path(patient), assessment(Map.of()));
        assertThat(later.body().path("level").asInt()).isEqualTo(1);
        assertThat(later.body().path("meetsCriteriaToReside").asBoolean()).isFalse();
        JsonNode both = api.get(communityNurse, path(patient)).body();
        assertThat(both).hasSize(2);
        assertThat(both.get(0).path("id").asText()).isEqualTo(later.text("id"));

        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and record_type = 'AcuityAssessment'")
                .param(patient.summary().id().value()).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void anotherOrganisationAndOtherRolesAreRefused() {
        Map<String, Object> none = assessment(Map.of());
        assertThat(api.post(outsider, path(patient), none).status()).isEqualTo(404);
        assertThat(api.get(outsider, path(patient)).status()).isEqualTo(404);
        assertThat(api.post(pharmacist, path(patient), none).status()).isEqualTo(403);
        assertThat(api.post(commissioner, path(patient), none).status()).isEqualTo(403);
        assertThat(api.post(communityNurse, path(notAdmitted), none).status()).isEqualTo(404);
        assertThat(api.post(consultant, path(notAdmitted), none).status()).isEqualTo(409);
        assertThat(api.post(communityNurse, "/api/v1/acuity-tool/rows", Map.of("code", "X_ROW", "group",
                "CONDITION", "question", "q", "weight", 1, "reason", "r")).status()).isEqualTo(403);
        assertThat(count(patient)).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        Map<String, Object> unknown = assessment(Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Boolean> answers = (Map<String, Boolean>) unknown.get("answers");
        answers.put("NOT_A_ROW", true);
        assertField(api.post(communityNurse, path(patient), unknown), "answers.NOT_A_ROW");

        Map<String, Object> missing = assessment(Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Boolean> fewer = (Map<String, Boolean>) missing.get("answers");
        fewer.remove("CTR_07_LAST_HOURS");
        assertField(api.post(communityNurse, path(patient), missing), "answers.CTR_07_LAST_HOURS");

        assertField(api.post(communityNurse, path(patient), Map.of("note", "no answers")), "answers");

        Map<String, Object> lowered = assessment(Map.of("UNSTABLE", true));
        lowered.put("raisedToLevel", 1);
        assertField(api.post(communityNurse, path(patient), lowered), "raisedToLevel");

        Map<String, Object> noReason = assessment(Map.of());
        noReason.put("raisedToLevel", 3);
        assertField(api.post(communityNurse, path(patient), noReason), "raisedReason");

        assertThat(count(patient)).isZero();

        assertField(api.post(admin, "/api/v1/acuity-tool/rows", Map.of("code", "lower case", "group", "CONDITION",
                "question", "q", "weight", 1, "reason", "r")), "code");
        assertField(api.post(admin, "/api/v1/acuity-tool/rows", Map.of("code", "CTR_12_T", "group",
                "CRITERIA_TO_RESIDE", "question", "q", "weight", 2, "reason", "r")), "weight");
        assertField(api.put(admin, "/api/v1/acuity-tool/rows/IV_THERAPY", Map.of("weight", 4)), "reason");
        assertThat(api.put(admin, "/api/v1/acuity-tool/rows/NO_SUCH_ROW", Map.of("weight", 4, "reason", "r"))
                .status()).isEqualTo(404);
    }

    @Test
    void aSeniorRaisesTheLevelByJudgementAndAFloorHoldsAnUnstablePatientHigh() {
        // clinically unstable alone: 4 points (moderate by score), held at level 3 by its floor
        Response unstable = api.post(consultant, path(patient), assessment(Map.of("UNSTABLE", true)));
        assertThat(unstable.body().path("score").asInt()).isEqualTo(4);
        assertThat(unstable.body().path("level").asInt()).isEqualTo(3);

        Map<String, Object> raised = assessment(Map.of());
        raised.put("raisedToLevel", 4);
        raised.put("raisedReason", "Lives alone, new oxygen requirement overnight");
        Response judged = api.post(consultant, path(patient), raised);
        assertThat(judged.status()).as(judged.toString()).isEqualTo(201);
        assertThat(judged.body().path("scoredLevel").asInt()).isEqualTo(1);
        assertThat(judged.body().path("level").asInt()).isEqualTo(4);
        assertThat(judged.body().path("visitsPerDay").asInt()).isEqualTo(4);
        assertThat(judged.text("raisedReason")).contains("new oxygen requirement");
    }

    @Test
    void anAdministratorsChangeToARowLeavesPastAssessmentsAsTheyWereScored() {
        String code = "T_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Response added = api.post(admin, "/api/v1/acuity-tool/rows", Map.of("code", code, "group", "CONDITION",
                "question", "Pressure ulcer needing daily dressing", "weight", 2, "reason", "local audit"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        addedRows.add(code);

        Response first = api.post(communityNurse, path(patient), assessment(Map.of(code, true)));
        assertThat(first.body().path("score").asInt()).isEqualTo(2);

        Response reweighted = api.put(admin, "/api/v1/acuity-tool/rows/" + code,
                Map.of("weight", 5, "question", "Pressure ulcer (category 3 or 4) needing daily dressing",
                        "reason", "tissue viability asked for more weight"));
        assertThat(reweighted.status()).as(reweighted.toString()).isEqualTo(200);
        assertThat(reweighted.body().path("version").asInt()).isEqualTo(2);

        Response after = api.post(communityNurse, path(patient), assessment(Map.of(code, true)));
        assertThat(after.body().path("score").asInt()).isEqualTo(5);
        assertThat(after.body().path("level").asInt()).isEqualTo(2);

        JsonNode history = api.get(consultant, path(patient)).body();
        JsonNode newer = answer(history.get(0), code);
        JsonNode older = answer(history.get(1), code);
        assertThat(older.path("weight").asInt()).isEqualTo(2);
        assertThat(older.path("rowVersion").asInt()).isEqualTo(1);
        assertThat(older.path("question").asText()).isEqualTo("Pressure ulcer needing daily dressing");
        assertThat(history.get(1).path("score").asInt()).isEqualTo(2);
        assertThat(newer.path("weight").asInt()).isEqualTo(5);
        assertThat(newer.path("question").asText()).startsWith("Pressure ulcer (category 3 or 4)");

        // retired: no longer asked, refused if answered, and the past assessments still show it
        assertThat(api.put(admin, "/api/v1/acuity-tool/rows/" + code, Map.of("active", false, "reason",
                "folded into the wound care row")).status()).isEqualTo(200);
        JsonNode row = rowOf(api.get(communityNurse, "/api/v1/acuity-tool").body(), code);
        assertThat(row.path("active").asBoolean()).isFalse();
        Map<String, Object> stillAnswered = assessment(Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Boolean> answers = (Map<String, Boolean>) stillAnswered.get("answers");
        answers.put(code, true);
        assertField(api.post(communityNurse, path(patient), stillAnswered), "answers." + code);
        Response without = api.post(communityNurse, path(patient), assessment(Map.of()));
        assertThat(without.status()).isEqualTo(201);
        assertThat(answer(without.body(), code).isMissingNode()).isTrue();
        assertThat(answer(api.get(consultant, path(patient)).body().get(2), code).path("weight").asInt()).isEqualTo(2);

        assertThat(jdbc.sql("select count(*) from acuity_tool_row_version where code = ?").param(code)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'AcuityTool' and record_id = ?")
                .param(code).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theWardsAcuityWeightedCapacity() {
        // one patient at level 3 (unstable: its floor), the other not assessed counts as a standard patient
        api.post(communityNurse, path(patient), assessment(Map.of("UNSTABLE", true)));
        Response capacity = api.get(commissioner, "/api/v1/wards/" + ward.id() + "/acuity-capacity");
        assertThat(capacity.status()).as(capacity.toString()).isEqualTo(200);
        JsonNode c = capacity.body();
        assertThat(c.path("beds").asInt()).isEqualTo(10);
        assertThat(c.path("admitted").asInt()).isEqualTo(2);
        assertThat(c.path("capacityPoints").asInt()).isEqualTo(20);
        assertThat(c.path("acuityPoints").asInt()).isEqualTo(3 + 2);
        assertThat(c.path("percent").asDouble()).isEqualTo(25.0);
        assertThat(c.path("byLevel").path("3").asInt()).isEqualTo(1);
        assertThat(c.path("notAssessed").asInt()).isEqualTo(1);
        assertThat(c.path("notAssessedToday").asInt()).isEqualTo(1);

        JsonNode all = api.get(consultant, "/api/v1/acuity-capacity").body();
        assertThat(all.findValuesAsText("wardId")).contains(ward.id().toString());
        assertThat(api.get(referrer, "/api/v1/acuity-capacity").status()).isEqualTo(403);
    }

    // helpers ---------------------------------------------------------------------------------------------------

    /** An answer for every active row of the tool as it stands: false unless given. */
    private Map<String, Object> assessment(Map<String, Boolean> present) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        api.get(communityNurse, "/api/v1/acuity-tool").body().path("rows").forEach(row -> {
            if (row.path("active").asBoolean()) {
                answers.put(row.path("code").asText(), present.getOrDefault(row.path("code").asText(), false));
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        return body;
    }

    private static JsonNode answer(JsonNode assessment, String code) {
        for (JsonNode a : assessment.path("answers")) {
            if (a.path("code").asText().equals(code)) {
                return a;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode rowOf(JsonNode tool, String code) {
        for (JsonNode r : tool.path("rows")) {
            if (r.path("code").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row " + code);
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private long count(PatientRecord p) {
        return jdbc.sql("select count(*) from acuity_assessment where patient_id = ?").param(p.summary().id().value())
                .query(Long.class).single();
    }

    private static String path(PatientRecord p) {
        return "/api/v1/patients/" + p.summary().id() + "/acuity-assessments";
    }
}
