package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Re-planning during the day: a nurse is at a visit, an urgent visit is asked for, and the day is re-planned at once
 * around it. The visit under way stays with its nurse at the time it started, the urgent visit is planned inside its
 * window, and what changed is recorded for the staff it concerns. Then visits are recorded, and a visit nobody made
 * is listed as missed. The clock is stopped at chosen moments of a day of the test's own.
 */
@IntegrationTest
class UrgentVisitIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired PatientService patientService;
    @Autowired TestClock clock;

    VisitDay team;
    CurrentUser ivNurse;
    CurrentUser nurse;
    PatientRecord dose;
    PatientRecord breathless;
    PatientRecord nebuliser;

    @BeforeEach
    void aPlannedDay() {
        team = new VisitDay(fixtures, api, patientService);
        ivNurse = team.staff(Role.CLINICIAN);
        nurse = team.staff(Role.CLINICIAN);
        dose = team.admitted(50.712, -2.441);
        breathless = team.admitted(50.725, -2.462);
        nebuliser = team.admitted(50.701, -2.420);
        clock.set(team.at("07:00"));
        team.intervention(nurse, dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("09:00", "14:00"),
                "toleranceMinutes", 30));
        team.intervention(nurse, nebuliser, Map.of("kind", "NEBULISER", "times", List.of("10:00"),
                "toleranceMinutes", 60));
        team.shift(ivNurse, LocalTime.of(8, 0), LocalTime.of(16, 0), List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        team.shift(nurse, LocalTime.of(8, 0), LocalTime.of(16, 0), List.of("REGISTERED_NURSE"));
        Response first = api.post(team.coordinator, "/api/v1/day-plans/" + team.day, Map.of());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void anUrgentVisitIsPlannedAtOnceAroundTheVisitUnderWayAndTheChangeIsRecorded() {
        JsonNode morningDose = only(plan(), v -> v.path("patientId").asText().equals(id(dose))
                && v.path("windowStart").asText().equals(team.at("08:30").toString()));
        assertThat(morningDose.path("staffName").asText()).isEqualTo(ivNurse.displayName());
        clock.set(team.at("09:10"));
        Response arrived = arrive(ivNurse, morningDose, null);
        assertThat(arrived.status()).as(arrived.toString()).isEqualTo(201);
        clock.set(team.at("09:20"));

        Response urgent = api.post(team.consultant, "/api/v1/urgent-visits", Map.of("patientId", id(breathless),
                "kind", "OBSERVATIONS", "withinMinutes", 60, "reason", "NEWS2 6 from home readings"));

        assertThat(urgent.status()).as(urgent.toString()).isEqualTo(201);
        JsonNode replanned = urgent.body().path("plan");
        assertThat(replanned.path("version").asInt()).isEqualTo(2);
        assertThat(replanned.path("reason").asText()).startsWith("urgent observations for");
        assertThat(urgent.body().path("inTime").asBoolean()).isTrue();
        JsonNode visit = urgent.body().path("visit");
        assertThat(visit.path("visitId").asText()).startsWith("urgent/");
        assertThat(Instant.parse(visit.path("startsAt").asText())).isBetween(team.at("09:20"), team.at("10:20"));
        JsonNode stillUnderWay = only(replanned, v -> v.path("visitId").equals(morningDose.path("visitId")));
        assertThat(stillUnderWay.path("staffName").asText()).isEqualTo(ivNurse.displayName());
        assertThat(stillUnderWay.path("startsAt").asText()).isEqualTo(team.at("09:10").toString());
        assertThat(stillUnderWay.path("routePosition").asInt()).isEqualTo(1);
        JsonNode added = only(urgent.body().path("changes"), c -> c.path("visitId").equals(visit.path("visitId")));
        assertThat(added.path("change").asText()).isEqualTo("ADDED");
        assertThat(added.path("staffAfter").asText()).isEqualTo(visit.path("staffName").asText());
        // inserted into the day the nurses already know: nobody's visit is handed to someone else
        assertThat(urgent.body().path("changes").findValuesAsText("change")).doesNotContain("REASSIGNED");
        assertThat(api.get(team.coordinator, "/api/v1/day-plans/" + team.day + "/changes").body().toString())
                .contains(visit.path("visitId").asText());
        CurrentUser going = visit.path("staffName").asText().equals(nurse.displayName()) ? nurse : ivNurse;
        Response mine = api.get(going, "/api/v1/my-visits?date=" + team.day);
        assertThat(mine.body().findValuesAsText("visitId")).contains(visit.path("visitId").asText());
    }

    @Test
    void aVisitIsRecordedArrivalToDepartureWithWhatWasGivenAndOnlyByItsNurse() {
        JsonNode morningDose = only(plan(), v -> v.path("patientId").asText().equals(id(dose))
                && v.path("windowStart").asText().equals(team.at("08:30").toString()));
        clock.set(team.at("09:50"));
        assertThat(arrive(nurse, morningDose, null).status()).isEqualTo(403);
        assertThat(arrive(ivNurse, morningDose, team.at("10:00")).body().path("errors").get(0).path("field")
                .asText()).isEqualTo("arrivedAt");
        assertThat(arrive(ivNurse, morningDose, team.at("09:02")).status()).isEqualTo(201);
        assertThat(arrive(ivNurse, morningDose, null).status()).isEqualTo(409);

        Response noDose = depart(ivNurse, morningDose, Map.of("outcome", "COMPLETED"));
        assertThat(noDose.status()).isEqualTo(400);
        assertThat(noDose.body().path("errors").get(0).path("field").asText()).isEqualTo("given");
        assertThat(depart(ivNurse, morningDose, Map.of("outcome", "DECLINED")).body().path("errors").get(0)
                .path("field").asText()).isEqualTo("notes");
        Response done = depart(ivNurse, morningDose, Map.of("outcome", "COMPLETED",
                "given", "Ceftriaxone 2 g IV over 30 minutes; observations taken"));

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.body().path("contactMinutes").asLong()).isEqualTo(48);
        assertThat(done.body().path("given").asText()).startsWith("Ceftriaxone 2 g IV");
        assertThat(depart(ivNurse, morningDose, Map.of("outcome", "COMPLETED", "given", "again")).status())
                .isEqualTo(409);
        JsonNode listed = only(api.get(ivNurse, "/api/v1/my-visits?date=" + team.day).body(),
                v -> v.path("visit").path("visitId").equals(morningDose.path("visitId")));
        assertThat(listed.path("record").path("outcome").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aVisitNobodyMadeIsListedAsMissedAndStaysMissedAfterARePlan() {
        JsonNode nebuliserVisit = only(plan(), v -> v.path("patientId").asText().equals(id(nebuliser)));
        clock.set(team.at("10:55"));
        List<String> overdue = exceptionsOf(nebuliserVisit);
        clock.set(team.at("11:05"));
        List<String> missed = exceptionsOf(nebuliserVisit);
        Response replanned = api.post(team.coordinator, "/api/v1/day-plans/" + team.day, Map.of());

        assertThat(overdue).containsExactly("OVERDUE");
        assertThat(missed).containsExactly("MISSED");
        JsonNode after = only(replanned.body(), v -> v.path("visitId").equals(nebuliserVisit.path("visitId")));
        assertThat(after.path("notPlannedWhy").asText()).isEqualTo(DayPlanProblem.WINDOW_PASSED);
        assertThat(exceptionsOf(nebuliserVisit)).containsExactly("MISSED");
    }

    private List<String> exceptionsOf(JsonNode visit) {
        List<String> kinds = new ArrayList<>();
        api.get(team.coordinator, "/api/v1/visit-exceptions?date=" + team.day).body().forEach(e -> {
            if (e.path("visit").path("visitId").equals(visit.path("visitId"))) {
                kinds.add(e.path("kind").asText());
            }
        });
        return kinds;
    }

    private JsonNode plan() {
        return api.get(team.coordinator, "/api/v1/day-plans/" + team.day).body();
    }

    private Response arrive(CurrentUser who, JsonNode visit, Instant at) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("date", team.day.toString(),
                "visitId", visit.path("visitId").asText()));
        if (at != null) {
            body.put("arrivedAt", at.toString());
        }
        return api.post(who, "/api/v1/visit-records/arrival", body);
    }

    private Response depart(CurrentUser who, JsonNode visit, Map<String, Object> record) {
        Map<String, Object> body = new java.util.HashMap<>(record);
        body.put("date", team.day.toString());
        body.put("visitId", visit.path("visitId").asText());
        return api.post(who, "/api/v1/visit-records/departure", body);
    }

    private static JsonNode only(JsonNode planOrList, Predicate<JsonNode> which) {
        JsonNode list = planOrList.has("visits") ? planOrList.path("visits") : planOrList;
        List<JsonNode> found = new ArrayList<>();
        list.forEach(v -> {
            if (which.test(v)) {
                found.add(v);
            }
        });
        assertThat(found).as(list.toString()).hasSize(1);
        return found.get(0);
    }

    private static String id(PatientRecord patient) {
        return patient.summary().id().toString();
    }
}
