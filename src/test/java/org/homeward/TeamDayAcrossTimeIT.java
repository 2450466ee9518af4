package org.homeward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.task.TaskService;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The team's day across time, each person signed in to their own organisation: in the night the community nurse
 * writes a phone review and the on-call consultant sets a high-priority task, which is escalated to the community
 * coordinators when it is still open at 07:00; the morning's round decides discharge; after the discharge the patient
 * leaves the board and can no longer be reviewed or assessed, while the notes, the ReSPECT recommendation, the
 * review history and the open task stay with the care team, the GP included, the next day too.
 */
@IntegrationTest
class TeamDayAcrossTimeIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired TaskService tasks;

    CurrentUser consultant;
    CurrentUser nurse;
    CurrentUser coordinator;
    CurrentUser gp;
    VirtualWard ward;
    PatientRecord patient;
    AdmissionView admission;
    LocalDate day;

    @BeforeEach
    void aPatientOfTheAcuteTrustVisitedByTheCommunityWithAGp() {
        day = LocalDate.now(LONDON).plusDays(2);
        clock.set(at(day.minusDays(1), 15, 0));
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        String practice = Fixtures.newPracticeCode();
        Organisation gpFederation = fixtures.gpOrganisation(practice);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        nurse = fixtures.user(Role.CLINICIAN, community);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        gp = fixtures.user(Role.SENIOR_DECISION_MAKER, gpFederation);
        ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1941, 5, 5), practice);
        admission = fixtures.admit(patient, ward, referrer, consultant);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theNightTheRoundTheDischargeAndTheNextDay() {
        String id = patient.summary().id().toString();

        // 02:30: out of hours
        clock.set(at(day, 2, 30));
        Response note = api.post(nurse, "/api/v1/patients/" + id + "/notes", Map.of("kind", "PHONE_REVIEW",
                "text", "Daughter rang: more breathless lying flat. Advised to sit up; visit booked for 08:00."));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        Response task = api.post(consultant, "/api/v1/tasks", Map.of("patientId", id,
                "title", "Visit first thing: check weight and chest",
                "assignee", Map.of("role", "COORDINATOR", "organisationId", coordinator.organisationId().toString()),
                "priority", "HIGH"));
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        String taskId = task.text("id");
        assertThat(Instant.parse(task.text("dueAt"))).as("a high task is due within 4 hours")
                .isEqualTo(at(day, 6, 30));
        JsonNode night = board();
        assertThat(row(night).path("today").isNull() || row(night).path("today").isMissingNode()).isTrue();
        assertThat(night.path("notReviewedToday").asInt()).isEqualTo(1);

        // 07:00: still open, so escalated to the community's coordinators, once
        clock.set(at(day, 7, 0));
        tasks.escalateOverdue(clock.instant());
        tasks.escalateOverdue(clock.instant());
        Response escalated = api.get(coordinator, "/api/v1/tasks/" + taskId);
        assertThat(escalated.text("escalatedAt")).isEqualTo(at(day, 7, 0).toString());
        assertThat(escalated.body().path("overdue").asBoolean()).isTrue();

        // 09:00: the round decides discharge; the ReSPECT recommendation is recorded
        clock.set(at(day, 9, 0));
        Response round = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString()));
        assertThat(round.status()).as(round.toString()).isEqualTo(201);
        String reviews = "/api/v1/board-rounds/" + round.text("id") + "/reviews";
        Response review = api.post(consultant, reviews, Map.of("patientId", id, "dayColour", "GREEN",
                "decision", "DISCHARGE_TODAY", "note", "Euvolaemic on oral furosemide"));
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        Response respect = api.put(consultant, "/api/v1/patients/" + id + "/care-plan/advance-care-plan",
                Map.of("version", 0, "advanceCarePlan", Map.of("respect", Map.of("priority", "BALANCE",
                        "cprRecommendation", "CPR_RECOMMENDED", "completedBy", "Dr Priya Raman",
                        "completedOn", day.toString()))));
        assertThat(respect.status()).as(respect.toString()).isEqualTo(200);
        assertThat(row(board()).path("today").path("decision").asText()).isEqualTo("DISCHARGE_TODAY");

        // 11:00: discharged
        clock.set(at(day, 11, 0));
        Response discharged = api.post(consultant, "/api/v1/admissions/" + admission.id() + "/discharge",
                Map.of("destination", "USUAL_RESIDENCE", "summary", "Heart failure treated at home; weight stable"));
        assertThat(discharged.status()).as(discharged.toString()).isEqualTo(200);
        afterDischarge(id, taskId, reviews);

        // the next day, the same
        clock.set(at(day.plusDays(1), 10, 0));
        afterDischarge(id, taskId, reviews);
    }

    private void afterDischarge(String id, String taskId, String reviews) {
        assertThat(board().path("rows").findValuesAsText("patientId")).as("off the board").doesNotContain(id);
        Response lateReview = api.post(consultant, reviews, Map.of("patientId", id, "dayColour", "GREEN",
                "decision", "CONTINUE"));
        assertThat(lateReview.status()).as(lateReview.toString()).isIn(400, 409);
        Response lateAssessment = api.post(nurse, "/api/v1/patients/" + id + "/acuity-assessments",
                Map.of("answers", Map.of()));
        assertThat(lateAssessment.status()).as(lateAssessment.toString()).isIn(400, 409);

        // the record stays with the care team: the GP reads the night's note and the ReSPECT recommendation
        Response notes = api.get(gp, "/api/v1/patients/" + id + "/notes");
        assertThat(notes.status()).as(notes.toString()).isEqualTo(200);
        assertThat(notes.body().findValuesAsText("text")).anyMatch(t -> t.startsWith("Daughter rang"));
        Response plan = api.get(gp, "/api/v1/patients/" + id + "/care-plan");
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(plan.body().path("advanceCarePlan").path("respect").path("completedBy").asText())
                .isEqualTo("Dr Priya Raman");
        // the open task is not lost: still on the coordinator's worklist, and can be closed
        assertThat(api.get(coordinator, "/api/v1/tasks/mine").body().findValuesAsText("id")).contains(taskId);
    }

    private JsonNode board() {
        Response board = api.get(consultant, "/api/v1/board-round?wardId=" + ward.id());
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        return board.body();
    }

    private JsonNode row(JsonNode board) {
        for (JsonNode row : board.path("rows")) {
            if (row.path("patientId").asText().equals(patient.summary().id().toString())) {
                return row;
            }
        }
        throw new AssertionError("no board row for the patient in " + board);
    }

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(LocalTime.of(hour, minute)).atZone(LONDON).toInstant();
    }
}
