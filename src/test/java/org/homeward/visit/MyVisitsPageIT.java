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

/**
 * The nurse's day on a phone and the consultant's urgent visit, through the pages: the nurse sees their visits in
 * order, records arriving and leaving, and is told when a re-plan changed their day; the consultant asks for an urgent
 * visit from the patient's record and is told who goes and when; the coordinator's day view shows what changed.
 */
@IntegrationTest
class MyVisitsPageIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired PatientService patientService;
    @Autowired TestClock clock;

    VisitDay team;
    CurrentUser nurse;
    PatientRecord dose;
    PatientRecord breathless;

    @BeforeEach
    void aPlannedDayWithOneNurse() {
        team = new VisitDay(fixtures, api, patientService);
        nurse = team.staff(Role.CLINICIAN);
        dose = team.admitted(50.712, -2.441);
        breathless = team.admitted(50.725, -2.462);
        clock.set(team.at("07:00"));
        team.intervention(nurse, dose, Map.of("kind", "IV_ANTIBIOTIC_DOSE", "times", List.of("09:00", "17:00"),
                "toleranceMinutes", 30, "description", "Ceftriaxone 2 g"));
        team.shift(nurse, LocalTime.of(8, 0), LocalTime.of(20, 0), List.of("IV_COMPETENT_NURSE", "REGISTERED_NURSE"));
        assertThat(api.post(team.coordinator, "/api/v1/day-plans/" + team.day, Map.of()).status()).isEqualTo(201);
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void aNurseRecordsArrivingAndLeavingFromTheirPhoneList() {
        PageSession phone = PageSession.signIn(api.baseUrl(), nurse);
        Page list = phone.get("/my-visits?date=" + team.day);
        assertThat(list.html().select("[data-testid=my-visits] > li")).hasSize(2);
        Element first = list.html().selectFirst("[data-testid=my-visits] > li");
        assertThat(first.text()).contains("IV antibiotic dose: " + dose.summary().displayName())
                .contains(dose.addressLine1()).contains("window 08:30-09:30").contains("To do");

        clock.set(team.at("09:05"));
        Page visit = phone.get(first.selectFirst("a").attr("href"));
        assertThat(visit.testId("visit-when")).contains("window 08:30-09:30");
        String visitId = visit.html().selectFirst("form[action=/my-visits/arrive] input[name=id]").attr("value");
        Page arrived = phone.follow(phone.submit(visit, "form[action=/my-visits/arrive]",
                Map.of("date", team.day.toString(), "id", visitId)));
        assertThat(arrived.testId("flash")).isEqualTo("Arrival recorded");
        assertThat(arrived.testId("arrived")).isEqualTo("09:05");
        assertThat(arrived.html().getElementById("record-observations").attr("href"))
                .isEqualTo("/patients/" + dose.summary().id() + "/observations/new");

        clock.set(team.at("09:25"));
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", List.of(
                reading("RESPIRATORY_RATE", 18), reading("OXYGEN_SATURATION", 97), reading("HEART_RATE", 80))))
                .status()).isEqualTo(200);
        Page observed = phone.get(first.selectFirst("a").attr("href"));
        assertThat(observed.testId("observed")).startsWith("NEWS2 ").endsWith("at 09:20");

        clock.set(team.at("09:50"));
        Page refused = phone.submit(observed, "form[action=/my-visits/leave]",
                Map.of("date", team.day.toString(), "id", visitId, "outcome", "COMPLETED", "given", "", "notes", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.testId("errors")).contains("given");
        Page left = phone.follow(phone.submit(observed, "form[action=/my-visits/leave]", Map.of("date",
                team.day.toString(), "id", visitId, "outcome", "COMPLETED", "given", "Ceftriaxone 2 g IV", "notes", "")));

        assertThat(left.testId("flash")).isEqualTo("Visit recorded: Completed as planned");
        assertThat(left.html().selectFirst("[data-testid=my-visits] > li [data-testid=visit-status]").text())
                .isEqualTo("Done: Completed as planned");
        Page done = phone.get(first.selectFirst("a").attr("href"));
        assertThat(done.testId("departed")).isEqualTo("09:50 (45 minutes with the patient): Completed as planned");
    }

    private Map<String, Object> reading(String parameter, double value) {
        return Map.of("id", java.util.UUID.randomUUID().toString(), "patientId", dose.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", team.at("09:20").toString());
    }

    @Test
    void aConsultantAsksForAnUrgentVisitAndTheNurseAndCoordinatorSeeWhatChanged() {
        clock.set(team.at("11:00"));
        PageSession consultant = PageSession.signIn(api.baseUrl(), team.consultant);
        Page form = consultant.get("/patients/" + breathless.summary().id() + "/urgent-visit");

        Page noReason = consultant.submit(form, "form[action$=urgent-visit]", Map.of("kind", "OBSERVATIONS", "withinMinutes", "60",
                "reason", ""));
        assertThat(noReason.testId("errors")).as(noReason.text()).contains("reason");
        Page planned = consultant.follow(consultant.submit(form, "form[action$=urgent-visit]", Map.of("kind", "OBSERVATIONS",
                "withinMinutes", "60", "reason", "NEWS2 6 from home readings")));

        assertThat(planned.testId("flash")).startsWith("Urgent visit planned: " + nurse.displayName() + " at 11:")
                .contains("plan version 2");
        assertThat(planned.text()).doesNotContain("pushes");
        Page coordinatorView = PageSession.signIn(api.baseUrl(), team.coordinator).get("/visits?date=" + team.day);
        assertThat(coordinatorView.testId("changes")).contains("What changed in version 2 (urgent observations for")
                .contains("New: Observations, " + nurse.displayName() + " at 11:");
        Page phone = PageSession.signIn(api.baseUrl(), nurse).get("/my-visits?date=" + team.day);
        assertThat(phone.testId("my-changes")).contains("New for you: Observations for " + breathless.summary().displayName() + " at 11:");
        assertThat(phone.text()).contains("Observations: " + breathless.summary().displayName());
    }

    @Test
    void anUrgentVisitNobodyOnShiftCanMakeSaysSoAndToPhoneTheTeam() {
        clock.set(team.at("20:30"));
        PageSession consultant = PageSession.signIn(api.baseUrl(), team.consultant);
        Page form = consultant.get("/patients/" + breathless.summary().id() + "/urgent-visit");

        Page answered = consultant.follow(consultant.submit(form, "form[action$=urgent-visit]", Map.of(
                "kind", "OBSERVATIONS", "withinMinutes", "30", "reason", "NEWS2 7 from home readings")));

        assertThat(answered.testId("flash")).startsWith("Urgent visit recorded, but nobody on shift can make it in time")
                .as("at night, the out-of-hours number").contains("Phone " + team.ward.outOfHoursContact())
                .contains(" on " + team.ward.outOfHoursPhone() + " now to arrange it.");
        // asked again for the same window: refused, naming the visit already asked for (issue 9)
        Response again = api.post(team.consultant, "/api/v1/urgent-visits", Map.of("patientId",
                breathless.summary().id().toString(), "kind", "OBSERVATIONS", "withinMinutes", 30,
                "reason", "still no one"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.body().path("detail").asText()).contains(team.consultant.displayName());
    }
}
