package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.jsoup.nodes.Element;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coordinator plans a day: the visits due from the plan's interventions are routed over the day's shifts by the
 * solver, every planned visit starts in its window with someone who has the skill, a two-staff visit gets two staff
 * at the same time, and a patient with no home location is reported, not silently dropped.
 */
@IntegrationTest
class DayPlanIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired PatientService patientService;

    VisitDay team;

    CurrentUser coordinator;
    CurrentUser nurse;
    CurrentUser ivNurse;
    CurrentUser supportWorker;
    VirtualWard ward;
    CurrentUser referrer;
    CurrentUser consultant;
    LocalDate day;

    @BeforeEach
    void aWardWithStaff() {
        team = new VisitDay(fixtures, api, patientService);
        referrer = team.referrer;
        consultant = team.consultant;
        coordinator = team.coordinator;
        ward = team.ward;
        day = team.day;
        nurse = team.staff(Role.CLINICIAN);
        ivNurse = team.staff(Role.CLINICIAN);
        supportWorker = team.staff(Role.CLINICIAN);
    }

    @Test
    void aCoordinatorPlansTheDayAndEveryPlannedVisitKeepsItsWindowSkillAndPartner() {
        PatientRecord dose = admitted(50.712, -2.441);
        PatientRecord bloods = admitted(50.725, -2.462);
        PatientRecord hoist = admitted(50.701, -2.420);
        PatientRecord nowhere = admitted(null, null);
        add(dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00", "14:00"), "toleranceMinutes", 30));
        add(bloods, Map.of("kind", "BLOODS", "windowFrom", "08:00", "windowTo", "11:00"));
        add(hoist, Map.of("kind", "CARER_SUPPORT", "times", List.of("12:00"), "toleranceMinutes", 60, "staffNeeded", 2));
        add(nowhere, Map.of("kind", "BLOODS", "windowFrom", "08:00", "windowTo", "11:00"));
        shift(ivNurse, List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        shift(supportWorker, List.of("REGISTERED_NURSE", "HEALTHCARE_SUPPORT_WORKER"));

        Response planned = api.post(coordinator, "/api/v1/day-plans/" + day, Map.of());

        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        assertThat(planned.text("travelModel")).contains("1.3").contains("40");
        Map<String, List<JsonNode>> byPatient = new HashMap<>();
        planned.body().path("visits").forEach(v -> byPatient.computeIfAbsent(v.path("patientId").asText(),
                p -> new ArrayList<>()).add(v));
        for (JsonNode visit : byPatient.get(dose.summary().id().toString())) {
            assertThat(visit.path("staffName").asText()).isEqualTo(ivNurse.displayName());
            assertStartsInWindow(visit);
        }
        assertThat(byPatient.get(dose.summary().id().toString())).hasSize(2);
        assertStartsInWindow(byPatient.get(bloods.summary().id().toString()).get(0));
        List<JsonNode> twoStaff = byPatient.get(hoist.summary().id().toString());
        assertThat(twoStaff).hasSize(2);
        assertThat(twoStaff).extracting(v -> v.path("staffName").asText()).doesNotHaveDuplicates();
        assertThat(twoStaff.get(0).path("startsAt").asText()).isEqualTo(twoStaff.get(1).path("startsAt").asText());
        JsonNode unplanned = byPatient.get(nowhere.summary().id().toString()).get(0);
        assertThat(unplanned.path("notPlannedWhy").asText()).isEqualTo(DayPlanProblem.NO_LOCATION);
        assertThat(planned.body().path("feasible").asBoolean()).isFalse();

        Response current = api.get(nurse, "/api/v1/day-plans/" + day);
        assertThat(current.body().path("version").asInt()).isEqualTo(1);
        assertThat(api.post(coordinator, "/api/v1/day-plans/" + day, Map.of()).body().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void theCoordinatorPlansTheDayFromTheDayViewAndSeesEachNursesRoute() {
        PatientRecord dose = admitted(50.712, -2.441);
        PatientRecord nowhere = admitted(null, null);
        add(dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00", "14:00"), "toleranceMinutes", 30));
        add(nowhere, Map.of("kind", "BLOODS", "windowFrom", "08:00", "windowTo", "11:00"));
        shift(ivNurse, List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        PageSession session = PageSession.signIn(api.baseUrl(), coordinator);
        Page empty = session.get("/visits?date=" + day);
        assertThat(empty.testId("no-plan")).isEqualTo("No plan for this day yet.");

        Page planned = session.follow(session.submit(empty, "form[action=/visits/plan]", Map.of("date", day.toString())));

        assertThat(planned.testId("flash")).isEqualTo("Planned 2 of 3 visits (version 1); 1 could not be planned");
        assertThat(planned.testId("plan-summary")).contains("Version 1");
        assertThat(planned.testId("summary-visits")).isEqualTo("3 visits");
        assertThat(planned.testId("summary-planned")).isEqualTo("2 visits, all within their window");
        assertThat(planned.testId("summary-unplanned")).isEqualTo("Arrange 1 visit: " + DayPlanProblem.NO_LOCATION + " (1)");
        assertThat(planned.testId("unplanned")).contains("Blood test due 08:00-11:00: " + DayPlanProblem.NO_LOCATION);
        Element route = planned.html().selectFirst("details[data-staff=" + ivNurse.displayName() + "]");
        assertThat(route).isNotNull();
        assertThat(route.select("tbody tr")).hasSize(2);
        assertThat(route.text()).contains("IV antibiotic dose").contains("09:30-10:30").contains("13:30-14:30");
        assertThat(PageSession.signIn(api.baseUrl(), nurse).get("/visits?date=" + day).html().getElementById("plan-day"))
                .isNull();
    }

    @Test
    void twoDosesDueAtOnceForOneNurseShowOnePlannedAfterItsWindow() {
        PatientRecord first = admitted(50.712, -2.441);
        PatientRecord second = admitted(50.601, -2.220);
        add(first, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00"), "toleranceMinutes", 0));
        add(second, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("10:00"), "toleranceMinutes", 0));
        shift(ivNurse, List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        PageSession session = PageSession.signIn(api.baseUrl(), coordinator);

        Page planned = session.follow(session.submit(session.get("/visits?date=" + day), "form[action=/visits/plan]",
                Map.of("date", day.toString())));

        assertThat(planned.testId("flash")).isEqualTo("Planned 2 of 2 visits (version 1); 1 planned after their window");
        assertThat(planned.testId("summary-planned")).isEqualTo("2 visits: 1 within their window, 1 after it");
        assertThat(planned.testId("summary-unplanned")).as("nothing is unplanned, so nothing says so")
                .isEqualTo("None");
        assertThat(planned.html().select("[data-testid=unplanned]")).isEmpty();
        assertThat(planned.html().select("[data-testid=planned-late] li")).hasSize(1);
        assertThat(planned.testId("planned-late")).contains("IV antibiotic dose due 10:00-10:00, planned 1")
                .contains(ivNurse.displayName());
        assertThat(planned.html().select("[data-testid=route] .nhsuk-tag--red")).hasSize(1);
    }

    @Test
    void onlyCoordinatorsAndSeniorsPlanAndADayWithoutAPlanSaysSo() {
        assertThat(api.post(nurse, "/api/v1/day-plans/" + day, Map.of()).status()).isEqualTo(403);
        Response none = api.get(nurse, "/api/v1/day-plans/" + day);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.text("detail")).contains("No visit plan for " + day);
    }

    private static void assertStartsInWindow(JsonNode visit) {
        Instant start = Instant.parse(visit.path("startsAt").asText());
        assertThat(start).as(visit.toString()).isBetween(Instant.parse(visit.path("windowStart").asText()),
                Instant.parse(visit.path("windowEnd").asText()));
    }

    private PatientRecord admitted(Double latitude, Double longitude) {
        return team.admitted(latitude, longitude);
    }

    private void add(PatientRecord patient, Map<String, Object> intervention) {
        team.intervention(nurse, patient, intervention);
    }

    private void shift(CurrentUser who, List<String> skills) {
        team.shift(who, LocalTime.of(8, 0), LocalTime.of(16, 0), skills);
    }
}
