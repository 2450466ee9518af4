package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.PageSession.Page;
import org.homeward.support.TestClock;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sample and a point-of-care test taken at a home visit are recorded against that visit (issue 13: "a sample taken at
 * a home visit is recorded against the visit"): through the API and from the visit page, refused for another patient's
 * visit, a visit not yet started, or a time outside the visit, with nothing written; the visit's record lists them, and
 * the GP practice reads which visit a sample came from.
 */
@IntegrationTest
class SamplesAtVisitIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired PatientService patientService;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    VisitDay team;
    CurrentUser nurse;
    PatientRecord patient;
    PatientRecord neighbour;
    String visitId;
    String neighbourVisitId;

    @BeforeEach
    void aNurseAtTheVisit() {
        team = new VisitDay(fixtures, api, patientService);
        nurse = team.staff(Role.CLINICIAN);
        patient = team.admitted(50.712, -2.441);
        neighbour = team.admitted(50.725, -2.462);
        clock.set(team.at("07:00"));
        team.intervention(nurse, patient, Map.of("kind", "BLOODS", "times", List.of("09:00"),
                "toleranceMinutes", 60, "description", "Bloods for U&E and FBC"));
        team.intervention(nurse, neighbour, Map.of("kind", "OBSERVATIONS", "times", List.of("11:00"),
                "toleranceMinutes", 60, "description", "Observations"));
        team.shift(nurse, LocalTime.of(8, 0), LocalTime.of(20, 0), List.of("REGISTERED_NURSE"));
        assertThat(api.post(team.coordinator, "/api/v1/day-plans/" + team.day, Map.of()).status()).isEqualTo(201);
        Response mine = api.get(nurse, "/api/v1/my-visits?date=" + team.day);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        visitId = visitOf(mine, patient);
        neighbourVisitId = visitOf(mine, neighbour);
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void theSampleAndThePointOfCareTestTakenAtTheVisitAreOnItsRecord() {
        String orderId = api.post(team.consultant, "/api/v1/patients/" + patient.summary().id() + "/test-orders",
                Map.of("tests", List.of("UE"), "clinicalQuestion", "AKI?", "urgency", "SAME_DAY")).text("id");
        String sample = "/api/v1/test-orders/" + orderId + "/sample";

        clock.set(team.at("09:05"));
        assertThat(field(api.post(nurse, sample, Map.of("labelled", true, "visit", visit(visitId)))))
                .as("a visit not yet arrived at").isEqualTo("visit");
        arrive(visitId, "09:05");
        arrive(neighbourVisitId, "09:05");
        clock.set(team.at("09:20"));
        assertThat(field(api.post(nurse, sample, Map.of("labelled", true, "visit", visit(neighbourVisitId)))))
                .as("another patient's visit").isEqualTo("visit");
        assertThat(field(api.post(nurse, sample, Map.of("labelled", true, "takenAt", team.at("09:00").toString(),
                "visit", visit(visitId))))).as("before the nurse arrived").isEqualTo("takenAt");
        assertThat(field(api.post(nurse, sample, Map.of("labelled", true, "visit", Map.of("visitId", visitId)))))
                .isEqualTo("visit.planDate");
        assertThat(jdbc.sql("select status from test_order where id = ?::uuid").param(orderId).query(String.class)
                .single()).as("refusals write nothing").isEqualTo("ORDERED");

        Response taken = api.post(nurse, sample, Map.of("labelled", true, "takenAt", team.at("09:10").toString(),
                "visit", visit(visitId)));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.body().path("sample").path("visit").path("visitId").asText()).isEqualTo(visitId);
        assertThat(taken.body().path("sample").path("visit").path("planDate").asText()).isEqualTo(team.day.toString());
        assertThat(taken.body().path("sample").path("atHomeVisit").asBoolean()).isTrue();

        PageSession phone = PageSession.signIn(api.baseUrl(), nurse);
        Page visitPage = phone.get("/my-visits/visit?date=" + team.day + "&id=" + visitId);
        String testsLink = visitPage.html().getElementById("visit-tests").attr("href");
        assertThat(testsLink).contains("visitDate=" + team.day).contains("visitId=");
        Page tests = phone.get(testsLink);
        assertThat(tests.testId("at-visit")).contains("recording at a home visit");
        Element poc = tests.html().getElementById("poc-form");
        assertThat(poc.selectFirst("input[name=visitId]").attr("value")).isEqualTo(visitId);
        Page recorded = phone.follow(phone.submit(tests, "#poc-form", Map.of("testCode", "POC_CRP", "value", "31",
                "visitDate", poc.selectFirst("input[name=visitDate]").attr("value"),
                "visitId", poc.selectFirst("input[name=visitId]").attr("value"))));
        assertThat(recorded.testId("flash")).startsWith("Recorded: C-reactive protein");
        assertThat(recorded.testId("at-visit")).as("the page keeps the visit it is used from").isNotBlank();

        Page onRecord = phone.get("/my-visits/visit?date=" + team.day + "&id=" + visitId);
        assertThat(onRecord.testId("tests-taken")).contains("Sodium, Potassium, Urea, Creatinine sample, sample taken at 09:10")
                .contains("(point of care: ").contains("at 09:20");
        Page neighbours = phone.get("/my-visits/visit?date=" + team.day + "&id=" + neighbourVisitId);
        assertThat(neighbours.html().select("[data-testid=tests-taken]")).as("nothing on the other visit").isEmpty();

        clock.set(team.at("09:40"));
        assertThat(api.post(nurse, "/api/v1/visit-records/departure", Map.of("date", team.day.toString(), "visitId",
                visitId, "outcome", "COMPLETED", "given", "Bloods taken")).status()).isEqualTo(200);
        clock.set(team.at("10:30"));
        Response late = api.post(nurse, "/api/v1/patients/" + patient.summary().id() + "/point-of-care-results",
                Map.of("testCode", "POC_CRP", "value", 30, "unit", "mg/L", "visit", visit(visitId)));
        assertThat(late.status()).as(late.toString()).isEqualTo(400);
        assertThat(late.body().path("errors").get(0).path("field").asText()).isEqualTo("takenAt");
        assertThat(late.body().path("errors").get(0).path("message").asText()).contains("outside the visit")
                .contains("left");

        Response read = api.get(team.consultant, "/api/v1/test-orders/" + orderId);
        assertThat(read.status()).as("the consultant who ordered reads " + read).isEqualTo(200);
        assertThat(read.body().path("sample").path("visit").path("visitId").asText()).isEqualTo(visitId);
    }

    private Map<String, Object> visit(String id) {
        return Map.of("planDate", team.day.toString(), "visitId", id);
    }

    private void arrive(String id, String time) {
        Response arrived = api.post(nurse, "/api/v1/visit-records/arrival", Map.of("date", team.day.toString(),
                "visitId", id, "arrivedAt", team.at(time).toString()));
        assertThat(arrived.status()).as(arrived.toString()).isEqualTo(201);
    }

    private static String visitOf(Response mine, PatientRecord patient) {
        for (var item : mine.body()) {
            if (item.path("visit").path("patientId").asText().equals(patient.summary().id().toString())) {
                return item.path("visit").path("visitId").asText();
            }
        }
        throw new AssertionError("no visit to " + patient.summary().id() + " in " + mine);
    }

    private static String field(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.body().path("errors").get(0).path("field").asText();
    }
}
