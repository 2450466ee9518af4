package org.homeward.boardround;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.patient.PatientRecord;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.DischargeDestination;
import org.homeward.referral.DischargePatient;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.shared.DateWords;
import org.homeward.support.Api;
import org.homeward.support.Api.Response;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board round through the API, as the acute trust's consultant with the community provider's nurse attending:
 * a round on a ward reviews every patient, revises an EDD, decides a discharge and agrees actions; a nurse cannot lead;
 * yesterday's reviews do not count today; an organisation outside the care team sees nothing; bad input is a 400
 * naming the field and writes nothing.
 */
@IntegrationTest
class BoardRoundApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired ReferralService referrals;

    CurrentUser referrer;
    CurrentUser consultant;
    CurrentUser communityNurse;
    CurrentUser pharmacist;
    CurrentUser coordinator;
    CurrentUser outsider;
    VirtualWard ward;
    PatientRecord first;
    PatientRecord second;
    AdmissionView secondAdmission;

    @BeforeEach
    void aWardOfTwoPatientsSharedWithTheCommunityProvider() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        communityNurse = fixtures.user(Role.CLINICIAN, community);
        pharmacist = fixtures.user(Role.PHARMACIST, acute);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        outsider = fixtures.user(Role.SENIOR_DECISION_MAKER,
                fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER));
        ward = fixtures.ward(acute, 10, List.of(community));
        first = fixtures.patient(referrer, LocalDate.of(1940, 1, 1));
        second = fixtures.patient(referrer, LocalDate.of(1941, 2, 2));
        fixtures.admit(first, ward, referrer, consultant);
        secondAdmission = fixtures.admit(second, ward, referrer, consultant);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aConsultantLedRoundReviewsEveryPatientRevisesAnEddDecidesADischargeAndAgreesActions() {
        Instant now = Instant.now();
        // the nurse's two sets: NEWS2 0, then 3 ten minutes later: the board shows 3, rising
        assertThat(api.post(communityNurse, "/api/v1/observations/batch", Map.of("readings",
                set(first, now.minus(Duration.ofMinutes(10)), 16, 97, 120, 70, 37.0))).status()).isEqualTo(200);
        assertThat(api.post(communityNurse, "/api/v1/observations/batch", Map.of("readings",
                set(first, now, 22, 97, 120, 95, 37.0))).status()).isEqualTo(200);

        Response started = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString(),
                "attendees", List.of(Map.of("userId", communityNurse.id().toString()),
                        Map.of("name", "Sam Jones", "role", "Social worker (Dorset Council)"))));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String round = started.text("id");
        assertThat(started.body().path("leadName").asText()).isEqualTo(consultant.displayName());
        assertThat(started.body().path("attendees").findValuesAsText("name"))
                .containsExactly(consultant.displayName(), communityNurse.displayName(), "Sam Jones");

        // the community nurse's acuity assessment of the second patient: IV therapy, one criterion to reside met
        Map<String, Object> answers = new java.util.LinkedHashMap<>();
        String criterion = null;
        for (JsonNode row : api.get(communityNurse, "/api/v1/acuity-tool").body().path("rows")) {
            String code = row.path("code").asText();
            if (row.path("active").asBoolean()) {
                boolean firstCriterion = criterion == null && code.startsWith("CTR_");
                criterion = firstCriterion ? code : criterion;
                answers.put(code, code.equals("IV_THERAPY") || firstCriterion);
            }
        }
        Response assessed = api.post(communityNurse, "/api/v1/patients/" + id(second) + "/acuity-assessments",
                Map.of("answers", answers));
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(201);

        JsonNode before = board(consultant);
        assertThat(before.path("notReviewedToday").asInt()).isEqualTo(2);
        // the assessed patient first: the board is ordered by acuity
        assertThat(before.path("rows").get(0).path("patientId").asText()).isEqualTo(id(second));
        assertThat(row(before, second).path("facts").path("acuityLevel").asText())
                .isEqualTo(assessed.body().path("levelWords").asText("Level " + assessed.body().path("level").asInt()
                        + ": " + assessed.body().path("levelLabel").asText().toLowerCase()));
        assertThat(row(before, second).path("facts").path("criteriaToReside").asText()).isEqualTo("Met (1 criterion)");
        JsonNode firstRow = row(before, first);
        assertThat(absent(firstRow.path("today"))).isTrue();
        assertThat(firstRow.path("scoreName").asText()).isEqualTo("NEWS2");
        assertThat(firstRow.path("scoreTotal").asInt()).isEqualTo(3);
        assertThat(firstRow.path("scoreTrend").asText()).isEqualTo("UP");
        assertThat(firstRow.path("facts").path("respectDnacpr").asText()).isEqualTo("None recorded");
        // admission set one task: the pharmacists' medicines reconciliation, due within 24 hours, shown in its own line
        assertThat(firstRow.path("facts").path("outstandingTasks").asText()).isEqualTo("1 open");
        assertThat(firstRow.path("facts").path("medicinesReconciliation").asText()).startsWith("Due in 2");
        assertThat(firstRow.path("dayOfStay").asInt()).isEqualTo(1);
        // the community nurse sees the same patients, the acute trust's, shared with her organisation
        assertThat(board(communityNurse).path("rows").findValuesAsText("patientId"))
                .containsExactlyInAnyOrder(id(first), id(second));

        LocalDate today = LocalDate.parse(before.path("date").asText());
        Response green = api.post(consultant, reviews(round), Map.of("patientId", id(first), "dayColour", "GREEN",
                "decision", "CONTINUE", "actions", List.of(Map.of("text", "Reconcile medicines after the IV switch",
                        "assignedRole", "PHARMACIST", "dueDate", today.plusDays(1).toString(), "priority", "ROUTINE"))));
        assertThat(green.status()).as(green.toString()).isEqualTo(201);
        assertThat(green.body().path("version").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select assigned_role || ' ' || text from board_round_action where review_id = ?")
                .param(UUID.fromString(green.text("id"))).query(String.class).list())
                .containsExactly("PHARMACIST Reconcile medicines after the IV switch");
        // the action is a task, for the pharmacists of the consultant's own trust, on the pharmacist's worklist
        UUID task = jdbc.sql("select task_id from board_round_action where review_id = ?")
                .param(UUID.fromString(green.text("id"))).query(UUID.class).single();
        Response worklist = api.get(pharmacist, "/api/v1/tasks/mine");
        assertThat(worklist.body().findValuesAsText("id")).contains(task.toString());
        assertThat(worklist.body().findValuesAsText("origin")).contains("BOARD_ROUND");
        assertThat(row(board(consultant), first).path("facts").path("outstandingTasks").asText()).isEqualTo("2 open");
        // choosing whose worklist it goes on is not the consultant looking at the care team: no such audit line
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and detail like 'viewed the care team%'")
                .param(first.summary().id().value()).query(Long.class).single()).isZero();
        // an action for a role nobody in the care team holds is refused, and the review with it
        Response forNobody = api.post(consultant, reviews(round), Map.of("patientId", id(second), "dayColour", "GREEN",
                "decision", "CONTINUE", "actions", List.of(Map.of("text", "Send the referral letter", "assignedRole",
                        "REFERRER", "dueDate", today.toString(), "priority", "ROUTINE"))));
        assertThat(forNobody.status()).as(forNobody.toString()).isEqualTo(400);
        assertThat(forNobody.body().path("errors").findValuesAsText("field")).contains("actions");
        assertThat(reviewsOf(second)).isZero();

        LocalDate newEdd = today.plusDays(7);
        Response red = api.post(consultant, reviews(round), Map.of("patientId", id(second), "dayColour", "RED",
                "waitingFor", "Echocardiogram report", "decision", "REVISE_EDD",
                "revisedEstimatedDischargeDate", newEdd.toString(), "note", "Stay until the echo is reported",
                "actions", List.of(Map.of("text", "Chase the echo report with cardiology", "assignedRole",
                        "COORDINATOR", "dueDate", today.toString(), "priority", "URGENT"))));
        assertThat(red.status()).as(red.toString()).isEqualTo(201);
        Response admission = api.get(consultant, "/api/v1/admissions/" + secondAdmission.id());
        assertThat(admission.text("estimatedDischargeDate")).isEqualTo(newEdd.toString());
        assertThat(jdbc.sql("select reason from admission_edd_revision where admission_id = ?")
                .param(secondAdmission.id().value()).query(String.class).list())
                .containsExactly("Stay until the echo is reported");

        // the same patient again: a new version, the newest counts, the first kept
        Response again = api.post(consultant, reviews(round), Map.of("patientId", id(first), "dayColour", "GREEN",
                "decision", "DISCHARGE_TOMORROW", "note", "Oral antibiotics from tomorrow"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.body().path("version").asInt()).isEqualTo(2);

        JsonNode after = board(consultant);
        assertThat(after.path("notReviewedToday").asInt()).isZero();
        assertThat(row(after, first).path("today").path("decision").asText()).isEqualTo("DISCHARGE_TOMORROW");
        assertThat(row(after, second).path("today").path("dayColour").asText()).isEqualTo("RED");
        assertThat(row(after, second).path("estimatedDischargeDate").asText()).isEqualTo(newEdd.toString());
        // discharge decided, not done: the admission is still open
        assertThat(absent(api.get(consultant, "/api/v1/admissions/" + row(after, first).path("admissionId").asText())
                .body().path("dischargedAt"))).isTrue();

        Response read = api.get(communityNurse, "/api/v1/board-rounds/" + round);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("reviews")).hasSize(3);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'BoardRoundReview' and action = 'CREATE' "
                + "and patient_id in (?, ?)").params(first.summary().id().value(), second.summary().id().value())
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aNurseCannotLeadARoundNorRecordADecision() {
        Response byNurse = api.post(communityNurse, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString()));
        assertThat(byNurse.status()).isEqualTo(403);

        Response nurseAsLead = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString(),
                "leadUserId", communityNurse.id().toString()));
        assertThat(nurseAsLead.status()).isEqualTo(400);
        assertThat(nurseAsLead.body().path("errors").findValuesAsText("field")).containsExactly("leadUserId");
        assertThat(roundsOfWard()).isZero();

        String round = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString())).text("id");
        Response review = api.post(communityNurse, reviews(round), Map.of("patientId", id(first),
                "dayColour", "GREEN", "decision", "CONTINUE"));
        assertThat(review.status()).isEqualTo(403);
        assertThat(reviewsOf(first)).isZero();
    }

    @Test
    void aPatientNotReviewedTodayStandsOutTheNextDay() {
        Instant morning = Instant.now();
        clock.set(morning);
        String round = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString())).text("id");
        assertThat(api.post(consultant, reviews(round), Map.of("patientId", id(first), "dayColour", "GREEN",
                "decision", "CONTINUE")).status()).isEqualTo(201);
        assertThat(board(consultant).path("notReviewedToday").asInt()).isEqualTo(1);

        clock.set(morning.plus(Duration.ofDays(1)));
        JsonNode nextDay = board(consultant);
        assertThat(nextDay.path("notReviewedToday").asInt()).isEqualTo(2);
        assertThat(absent(row(nextDay, first).path("today"))).isTrue();
        JsonNode onlyNotReviewed = api.get(consultant, "/api/v1/board-round?ward=" + ward.id()
                + "&notReviewedToday=true").body();
        assertThat(onlyNotReviewed.path("rows").findValuesAsText("patientId"))
                .containsExactlyInAnyOrder(id(first), id(second));
        // yesterday's round takes no reviews today
        Response late = api.post(consultant, reviews(round), Map.of("patientId", id(second), "dayColour", "GREEN",
                "decision", "CONTINUE"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("detail").asText()).contains("start today's round")
                .as("the day in words, not an ISO date").startsWith("This round was held on "
                        + org.homeward.shared.DateWords.day(LocalDate.ofInstant(morning, clock.getZone())) + ";");
    }

    @Test
    void theBoardIsReadAPageAtATimeInItsOneOrderAndOnlyThePageShownIsAudited() {
        // a third patient with a worrying set: an open alert puts them first
        PatientRecord third = fixtures.patient(referrer, LocalDate.of(1942, 3, 3));
        fixtures.admit(third, ward, referrer, consultant);
        assertThat(api.post(communityNurse, "/api/v1/observations/batch", Map.of("readings",
                set(third, Instant.now(), 28, 91, 95, 125, 39.2))).status()).isEqualTo(200);
        List<String> order = board(consultant).path("rows").findValuesAsText("patientId");
        assertThat(order).hasSize(3).first().isEqualTo(id(third));

        long auditedBefore = listedOnTheBoard(first) + listedOnTheBoard(second) + listedOnTheBoard(third);
        JsonNode firstPage = page(1, 2);
        assertThat(firstPage.path("rows").findValuesAsText("patientId")).isEqualTo(order.subList(0, 2));
        assertThat(firstPage.path("patients").asInt()).isEqualTo(3);
        assertThat(firstPage.path("pages").asInt()).isEqualTo(2);
        assertThat(firstPage.path("firstRow").asInt()).isEqualTo(1);
        assertThat(firstPage.path("notReviewedToday").asInt()).as("counted over every page").isEqualTo(3);
        JsonNode secondPage = page(2, 2);
        assertThat(secondPage.path("rows").findValuesAsText("patientId")).isEqualTo(order.subList(2, 3));
        assertThat(secondPage.path("firstRow").asInt()).isEqualTo(3);
        assertThat(secondPage.path("page").asInt()).isEqualTo(2);
        // a page past the last shows the last
        assertThat(page(9, 2).path("rows").findValuesAsText("patientId")).isEqualTo(order.subList(2, 3));
        // the two pages audited their own rows once each, the page past the last its row again
        String last = order.get(2);
        PatientRecord lastPatient = last.equals(id(first)) ? first : last.equals(id(second)) ? second : third;
        assertThat(listedOnTheBoard(first) + listedOnTheBoard(second) + listedOnTheBoard(third) - auditedBefore)
                .isEqualTo(4);
        assertThat(listedOnTheBoard(lastPatient)).isEqualTo(3);

        assertField(api.get(consultant, "/api/v1/board-round?ward=" + ward.id() + "&page=0"), "page");
        assertField(api.get(consultant, "/api/v1/board-round?ward=" + ward.id() + "&page=1&pageSize=0"), "pageSize");
    }

    @Test
    void aWardsStartPageOffersTheColleaguesOfTheOrganisationsSharingTheWardsCare() {
        org.homeward.support.PageSession.Page start = org.homeward.support.PageSession
                .signIn(api.baseUrl(), consultant).get("/board-round/rounds/new?ward=" + ward.id());
        List<String> offered = start.html().select("#attendeeIds label").eachText();
        assertThat(offered).anyMatch(l -> l.startsWith(communityNurse.displayName() + ","))
                .anyMatch(l -> l.startsWith(pharmacist.displayName() + ","))
                .noneMatch(l -> l.startsWith(outsider.displayName() + ","))
                .noneMatch(l -> l.startsWith(consultant.displayName() + ","));
        // the whole service's round offers everyone who sees the board
        List<String> everyone = org.homeward.support.PageSession.signIn(api.baseUrl(), consultant)
                .get("/board-round/rounds/new").html().select("#attendeeIds label").eachText();
        assertThat(everyone).anyMatch(l -> l.startsWith(outsider.displayName() + ","));
    }

    private JsonNode page(int page, int pageSize) {
        Response response = api.get(consultant, "/api/v1/board-round?ward=" + ward.id() + "&page=" + page
                + "&pageSize=" + pageSize);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private long listedOnTheBoard(PatientRecord patient) {
        return jdbc.sql("select count(*) from audit_event where patient_id = ? and detail like 'listed on the board round%'")
                .param(patient.summary().id().value()).query(Long.class).single();
    }

    @Test
    void anOrganisationOutsideTheCareTeamDoesNotSeeThePatientsOnTheBoard() {
        assertThat(board(outsider).path("rows")).isEmpty();
        assertThat(api.get(outsider, "/api/v1/board-round").body().path("rows").findValuesAsText("patientId"))
                .doesNotContain(id(first), id(second));
        String round = api.post(outsider, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString())).text("id");
        Response review = api.post(outsider, reviews(round), Map.of("patientId", id(first), "dayColour", "GREEN",
                "decision", "CONTINUE"));
        assertThat(review.status()).isEqualTo(404);
        assertThat(reviewsOf(first)).isZero();
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        String round = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString())).text("id");
        LocalDate today = LocalDate.parse(board(consultant).path("date").asText());
        Map<String, Object> action = Map.of("text", "Chase the bloods", "assignedRole", "CLINICIAN",
                "dueDate", today.toString(), "priority", "URGENT");

        assertField(review(round, Map.of("dayColour", "GREEN", "decision", "CONTINUE")), "patientId");
        assertField(review(round, Map.of("patientId", id(first), "decision", "CONTINUE")), "dayColour");
        assertField(review(round, Map.of("patientId", id(first), "dayColour", "PURPLE", "decision", "CONTINUE")),
                "dayColour");
        assertField(review(round, Map.of("patientId", id(first), "dayColour", "RED", "decision", "CONTINUE",
                "actions", List.of(action))), "waitingFor");
        assertField(review(round, Map.of("patientId", id(first), "dayColour", "RED", "waitingFor", "Bloods",
                "decision", "CONTINUE")), "actions");
        assertField(review(round, Map.of("patientId", id(first), "dayColour", "GREEN")), "decision");
        assertField(review(round, Map.of("patientId", id(second), "dayColour", "GREEN", "decision", "REVISE_EDD")),
                "revisedEstimatedDischargeDate");
        assertField(review(round, Map.of("patientId", id(second), "dayColour", "GREEN", "decision", "REVISE_EDD",
                "revisedEstimatedDischargeDate", today.minusDays(1).toString(), "actions", List.of(action))),
                "revisedEstimatedDischargeDate");
        // a revision to the date the admission already has is refused, the date in words as the page shows it
        LocalDate current = secondAdmission.estimatedDischargeDate();
        Response same = review(round, Map.of("patientId", id(second), "dayColour", "GREEN", "decision", "REVISE_EDD",
                "revisedEstimatedDischargeDate", current.toString(), "actions", List.of(action)));
        assertField(same, "revisedEstimatedDischargeDate");
        assertThat(same.body().path("errors").findValuesAsText("message"))
                .contains("The estimated discharge date is already " + DateWords.day(current));
        Map<String, Object> noRole = new HashMap<>(action);
        noRole.remove("assignedRole");
        assertField(review(round, Map.of("patientId", id(first), "dayColour", "GREEN", "decision", "CONTINUE",
                "actions", List.of(action, noRole))), "actions[1].assignedRole");
        assertField(review(round, Map.of("patientId", id(first), "dayColour", "GREEN", "decision", "CONTINUE",
                "note", "x".repeat(2001))), "note");
        assertField(api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString(),
                "attendees", List.of(Map.of("name", "Sam Jones")))), "attendees[0].role");

        assertThat(reviewsOf(first) + reviewsOf(second)).isZero();
        assertThat(jdbc.sql("select count(*) from board_round_action where patient_id in (?, ?)")
                .params(first.summary().id().value(), second.summary().id().value()).query(Long.class).single())
                .isZero();
        assertThat(api.get(consultant, "/api/v1/admissions/" + secondAdmission.id()).text("estimatedDischargeDate"))
                .isEqualTo(secondAdmission.estimatedDischargeDate().toString());
        assertThat(roundsOfWard()).isEqualTo(1);
    }

    @Test
    void aRoundHeldOnPaperIsWrittenUpAfterwardsWithItsReviewsDatedThatDay() {
        // whole milliseconds: the database keeps microseconds, and a stopped clock must not round a referral later
        // than its own triage
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        LocalDate today = LocalDate.parse(board(consultant).path("date").asText());
        LocalDate heldOn = today.minusDays(2);
        // two patients admitted four days ago; one of them discharged yesterday, after the round
        clock.set(now.minus(Duration.ofDays(4)));
        PatientRecord stayed = fixtures.patient(referrer, LocalDate.of(1939, 3, 3));
        PatientRecord discharged = fixtures.patient(referrer, LocalDate.of(1938, 4, 4));
        fixtures.admit(stayed, ward, referrer, consultant);
        AdmissionView dischargedAdmission = fixtures.admit(discharged, ward, referrer, consultant);
        clock.set(now.minus(Duration.ofDays(1)));
        referrals.discharge(consultant, dischargedAdmission.id(), new DischargePatient(null,
                DischargeDestination.USUAL_RESIDENCE, null, null, "Recovered at home"));
        clock.reset();

        Response started = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString(),
                "heldOn", heldOn.toString(), "attendees", List.of(Map.of("userId", communityNurse.id().toString()))));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String round = started.text("id");
        assertThat(started.text("roundDate")).isEqualTo(heldOn.toString());
        assertThat(started.body().path("writtenUpLater").asBoolean()).isTrue();
        assertThat(Instant.parse(started.text("startedAt"))).isAfterOrEqualTo(now.minus(Duration.ofMinutes(1)));
        assertThat(jdbc.sql("select detail from audit_event where record_type = 'BoardRound' and action = 'CREATE' and record_id = ?")
                .param(round).query(String.class).single()).endsWith(", recorded afterwards for "
                        + heldOn.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));

        // the round's page says when it was held and that it was written up afterwards
        org.homeward.support.PageSession.Page page = org.homeward.support.PageSession.signIn(api.baseUrl(), consultant)
                .get("/board-round/rounds/" + round);
        assertThat(page.html().select("[data-testid=round-written-up-later]").text())
                .startsWith("This round was held on " + heldOn.format(java.time.format.DateTimeFormatter
                        .ofPattern("d MMMM yyyy", java.util.Locale.UK)) + " and written up afterwards");

        // a patient admitted after the day the round was held was not there
        Response notThere = review(round, Map.of("patientId", id(first), "dayColour", "GREEN", "decision", "CONTINUE"));
        assertField(notThere, "patientId");
        assertThat(notThere.body().path("detail").asText()).contains("after the day this round was held");
        // actions are due from the round's day to 60 days after it
        Map<String, Object> chase = new HashMap<>(Map.of("text", "Chase the chest X-ray report", "assignedRole",
                "PHARMACIST", "dueDate", heldOn.minusDays(1).toString(), "priority", "ROUTINE"));
        Map<String, Object> red = Map.of("patientId", id(stayed), "dayColour", "RED", "waitingFor",
                "Chest X-ray report", "decision", "CONTINUE", "actions", List.of(chase));
        assertField(review(round, red), "actions[0].dueDate");
        chase.put("dueDate", heldOn.plusDays(61).toString());
        assertField(review(round, red), "actions[0].dueDate");
        assertThat(reviewsOf(stayed)).isZero();

        chase.put("dueDate", heldOn.toString());
        Response redDay = review(round, red);
        assertThat(redDay.status()).as(redDay.toString()).isEqualTo(201);
        assertThat(redDay.text("reviewDate")).isEqualTo(heldOn.toString());
        assertThat(redDay.body().path("version").asInt()).isEqualTo(1);
        // the action's task keeps the day agreed, so it is overdue from the start on the pharmacist's worklist
        UUID task = jdbc.sql("select task_id from board_round_action where review_id = ?")
                .param(UUID.fromString(redDay.text("id"))).query(UUID.class).single();
        JsonNode mine = null;
        for (JsonNode t : api.get(pharmacist, "/api/v1/tasks/mine").body()) {
            mine = t.path("id").asText().equals(task.toString()) ? t : mine;
        }
        assertThat(mine).as("the action's task on the pharmacist's worklist").isNotNull();
        assertThat(mine.path("overdue").asBoolean()).isTrue();
        assertThat(mine.path("detail").asText()).contains("written up afterwards");

        // the patient discharged since was on the ward that day: reviewed against that admission
        Response dischargeDecided = review(round, Map.of("patientId", id(discharged), "dayColour", "GREEN",
                "decision", "DISCHARGE_TOMORROW"));
        assertThat(dischargeDecided.status()).as(dischargeDecided.toString()).isEqualTo(201);
        assertThat(dischargeDecided.text("admissionId")).isEqualTo(dischargedAdmission.id().toString());

        // a review written up later never passes for today's
        JsonNode board = board(consultant);
        assertThat(absent(row(board, stayed).path("today"))).isTrue();
        assertThat(board.path("notReviewedToday").asInt()).isEqualTo(3);
        // a second review of that day is a new version of that day
        Response again = review(round, Map.of("patientId", id(stayed), "dayColour", "GREEN", "decision", "CONTINUE"));
        assertThat(again.body().path("version").asInt()).isEqualTo(2);
        assertThat(again.text("reviewDate")).isEqualTo(heldOn.toString());

        // today's round is unaffected: the same patient's first review today is version 1
        String todays = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString())).text("id");
        Response todaysReview = review(todays, Map.of("patientId", id(stayed), "dayColour", "GREEN",
                "decision", "CONTINUE"));
        assertThat(todaysReview.text("reviewDate")).isEqualTo(today.toString());
        assertThat(todaysReview.body().path("version").asInt()).isEqualTo(1);
        assertThat(absent(row(board(consultant), stayed).path("today"))).isFalse();

        // once its day is more than 7 days ago, the round takes no more reviews
        clock.set(now.plus(Duration.ofDays(6)));
        Response tooLate = review(round, Map.of("patientId", id(stayed), "dayColour", "GREEN", "decision", "CONTINUE"));
        assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(409);
        assertThat(reviewsOf(stayed)).isEqualTo(3);
    }

    @Test
    void aRoundIsWrittenUpAfterwardsOnlyForTheLastSevenDays() {
        LocalDate today = LocalDate.parse(board(consultant).path("date").asText());
        Response tooLongAgo = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString(),
                "heldOn", today.minusDays(8).toString()));
        assertField(tooLongAgo, "heldOn");
        assertThat(tooLongAgo.body().path("detail").asText()).contains("only for the last 7 days");
        Response future = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString(),
                "heldOn", today.plusDays(1).toString()));
        assertField(future, "heldOn");
        assertThat(future.body().path("detail").asText()).contains("cannot be in the future");
        assertField(api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString(),
                "heldOn", "last Tuesday")), "heldOn");
        assertThat(roundsOfWard()).isZero();

        Response sevenDaysAgo = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString(),
                "heldOn", today.minusDays(7).toString()));
        assertThat(sevenDaysAgo.status()).as(sevenDaysAgo.toString()).isEqualTo(201);
        assertThat(sevenDaysAgo.body().path("writtenUpLater").asBoolean()).isTrue();
        Response heldToday = api.post(consultant, "/api/v1/board-rounds", Map.of("wardId", ward.id().toString(),
                "heldOn", today.toString()));
        assertThat(heldToday.status()).as(heldToday.toString()).isEqualTo(201);
        assertThat(heldToday.body().path("writtenUpLater").asBoolean()).as("today's round is not written up later")
                .isFalse();
        assertThat(roundsOfWard()).isEqualTo(2);
    }

    private Response review(String round, Map<String, Object> body) {
        return api.post(consultant, reviews(round), body);
    }

    private static void assertField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsText("field")).as(response.toString()).contains(field);
    }

    private JsonNode board(CurrentUser user) {
        Response response = api.get(user, "/api/v1/board-round?ward=" + ward.id());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode row(JsonNode board, PatientRecord patient) {
        for (JsonNode row : board.path("rows")) {
            if (row.path("patientId").asText().equals(id(patient))) {
                return row;
            }
        }
        throw new AssertionError("not on the board: " + id(patient));
    }

    /** Null or left out of the JSON. */
    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private static String id(PatientRecord patient) {
        return patient.summary().id().toString();
    }

    private static String reviews(String round) {
        return "/api/v1/board-rounds/" + round + "/reviews";
    }

    private long roundsOfWard() {
        return jdbc.sql("select count(*) from board_round where ward_id = ?").param(ward.id().value())
                .query(Long.class).single();
    }

    private long reviewsOf(PatientRecord patient) {
        return jdbc.sql("select count(*) from board_round_review where patient_id = ?")
                .param(patient.summary().id().value()).query(Long.class).single();
    }

    private static List<Map<String, Object>> set(PatientRecord p, Instant at, double rr, double spo2,
            double systolic, double pulse, double temperature) {
        List<Map<String, Object>> readings = new ArrayList<>();
        readings.add(number(p, "RESPIRATORY_RATE", rr, at));
        readings.add(number(p, "OXYGEN_SATURATION", spo2, at));
        readings.add(number(p, "SYSTOLIC_BLOOD_PRESSURE", systolic, at));
        readings.add(number(p, "HEART_RATE", pulse, at));
        readings.add(number(p, "TEMPERATURE", temperature, at));
        return readings;
    }

    private static Map<String, Object> number(PatientRecord p, String parameter, double value, Instant at) {
        return Map.of("id", UUID.randomUUID().toString(), "patientId", p.summary().id().toString(),
                "parameter", parameter, "value", value, "recordedAt", at.toString());
    }

    @Test
    void aWholeServiceRoundsPageShowsItsBoardFiftyPatientsAtATimeAndCountsTheWholeBoard() {
        Organisation trust = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        CurrentUser lead = fixtures.user(Role.SENIOR_DECISION_MAKER, trust);
        CurrentUser admitting = fixtures.user(Role.REFERRER, trust);
        VirtualWard big = fixtures.ward(trust, 60, List.of());
        for (int i = 0; i < 51; i++) {
            fixtures.admit(fixtures.patient(admitting, LocalDate.of(1940, 1, 1).plusDays(i)), big, admitting, lead);
        }
        Response started = api.post(lead, "/api/v1/board-rounds", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        org.homeward.support.PageSession session = org.homeward.support.PageSession.signIn(api.baseUrl(), lead);

        org.homeward.support.PageSession.Page first = session.get("/board-round/rounds/" + started.text("id"));
        assertThat(first.html().select("tr[id^=patient-]")).hasSize(50);
        assertThat(first.testId("round-progress")).isEqualTo("0 of 51 patients reviewed today");
        org.homeward.support.PageSession.Page second = session.get(first.html().getElementById("next-page")
                .attr("href"));
        assertThat(second.html().select("tr[id^=patient-]")).hasSize(1);
        assertThat(second.testId("round-progress")).as("the whole board counted on every page")
                .isEqualTo("0 of 51 patients reviewed today");
        assertThat(second.html().getElementById("previous-page")).isNotNull();
    }

}
