package org.homeward.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
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
import org.homeward.support.FhirReads;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasks through the API across shared care: a consultant of the acute trust sets a task for the community provider's
 * pharmacists about a patient both care for; a community pharmacist sees it on their worklist and completes it, once;
 * another provider's pharmacist never sees it; a task for someone outside the care team, or nobody who would see it,
 * is refused naming the field, with nothing written.
 */
@IntegrationTest
class TaskApiIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired FhirReads fhir;

    Organisation acute;
    Organisation community;
    Organisation elsewhere;
    CurrentUser consultant;
    CurrentUser pharmacist;
    CurrentUser nurse;
    CurrentUser coordinator;
    CurrentUser otherPharmacist;
    PatientRecord patient;

    @BeforeEach
    void aPatientInTheCareOfTheAcuteTrustAndTheCommunityProvider() {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        elsewhere = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        pharmacist = fixtures.user(Role.PHARMACIST, community);
        nurse = fixtures.user(Role.CLINICIAN, community);
        coordinator = fixtures.user(Role.COORDINATOR, community);
        otherPharmacist = fixtures.user(Role.PHARMACIST, elsewhere);
        fixtures.user(Role.CLINICIAN, elsewhere);
        VirtualWard ward = fixtures.ward(acute, 10, List.of(community));
        patient = fixtures.patient(referrer, LocalDate.of(1944, 4, 4));
        fixtures.admit(patient, ward, referrer, consultant);
    }

    @Test
    void theCommunityPharmacistSeesTheConsultantsTaskAndCompletesItOnce() {
        Instant before = Instant.now();
        Response set = api.post(consultant, "/api/v1/tasks", task(Map.of("role", "PHARMACIST",
                "organisationId", community.id().toString()), "HIGH"));
        assertThat(set.status()).as(set.toString()).isEqualTo(201);
        String id = set.text("id");
        assertThat(set.text("assigneeWords")).isEqualTo("Pharmacists, " + community.name());
        assertThat(set.text("status")).isEqualTo("OPEN");
        assertThat(set.text("origin")).isEqualTo("BY_HAND");
        assertThat(Duration.between(before, Instant.parse(set.text("dueAt"))))
                .as("high priority: due within 4 hours").isBetween(Duration.ofMinutes(239), Duration.ofMinutes(241));
        assertThat(set.body().path("overdue").asBoolean()).isFalse();

        Response mine = api.get(pharmacist, "/api/v1/tasks/mine");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().findValuesAsText("id")).contains(id);
        assertThat(mine.body().findValuesAsText("patientName")).contains(patient.summary().displayName());
        assertThat(api.get(otherPharmacist, "/api/v1/tasks/mine").body().findValuesAsText("id")).doesNotContain(id);
        assertThat(api.get(nurse, "/api/v1/tasks/mine").body().findValuesAsText("id"))
                .as("a pharmacists' task is not the nurses'").doesNotContain(id);

        assertThat(api.post(nurse, "/api/v1/tasks/" + id + "/completion", Map.of("outcome", "Done")).status())
                .as("a nurse is not a pharmacist").isEqualTo(403);
        assertThat(api.post(otherPharmacist, "/api/v1/tasks/" + id + "/completion", Map.of("outcome", "Done"))
                .status()).as("another provider's pharmacist cannot see the patient").isEqualTo(404);

        Response done = api.post(pharmacist, "/api/v1/tasks/" + id + "/completion",
                Map.of("outcome", "Medicines reconciled with the GP record; no changes"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.text("status")).isEqualTo("DONE");
        assertThat(done.text("closedBy")).contains(pharmacist.username());
        assertThat(done.text("outcome")).isEqualTo("Medicines reconciled with the GP record; no changes");

        Response again = api.post(pharmacist, "/api/v1/tasks/" + id + "/completion", Map.of("outcome", "Again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("already done by").contains(pharmacist.username());
        assertThat(api.get(pharmacist, "/api/v1/tasks/mine").body().findValuesAsText("id")).doesNotContain(id);
        assertThat(jdbc.sql("select outcome from task where id = ?::uuid").param(id).query(String.class).single())
                .isEqualTo("Medicines reconciled with the GP record; no changes");

        Response ofPatient = api.get(consultant, "/api/v1/patients/" + patient.summary().id() + "/tasks");
        // admission also set the pharmacists' medicines reconciliation task; this test is about the consultant's task
        List<String> statuses = new java.util.ArrayList<>();
        ofPatient.body().forEach(t -> {
            if (!"RECONCILIATION".equals(t.path("origin").asText())) {
                statuses.add(t.path("status").asText());
            }
        });
        assertThat(statuses).containsExactly("DONE");
        assertThat(api.get(otherPharmacist, "/api/v1/patients/" + patient.summary().id() + "/tasks").status())
                .isEqualTo(404);
        assertThat(jdbc.sql("""
                select action from audit_event where record_type = 'Task' and record_id = ? order by id""")
                .param(id).query(String.class).list()).containsExactly("CREATE", "DENIED", "UPDATE");

        // the community provider's own system reads the patient's tasks over FHIR, as UK Core
        JsonNode completed = fhir.read(nurse, "/fhir/Task?patient=" + patient.summary().id() + "&status=completed");
        assertThat(completed.path("entry")).hasSize(1);
        JsonNode task = completed.path("entry").path(0).path("resource");
        assertThat(task.path("id").asText()).isEqualTo(id);
        assertThat(task.path("status").asText()).isEqualTo("completed");
        assertThat(task.path("priority").asText()).as("high: within 4 hours").isEqualTo("urgent");
        assertThat(task.path("owner").path("display").asText()).isEqualTo("Pharmacists, " + community.name());
        assertThat(task.path("note").findValuesAsText("text")).contains("Priority: High").anySatisfy(n ->
                assertThat(n).endsWith(": Medicines reconciled with the GP record; no changes"));
        fhir.assertConformsToUkCore(task);
        JsonNode reconciliation = fhir.read(nurse, "/fhir/Task?patient=" + patient.summary().id() + "&status=requested");
        assertThat(reconciliation.path("entry").findValuesAsText("text")).contains("Medicines reconciliation");
        assertThat(api.raw("GET", "/fhir/Task/" + id, otherPharmacist, null).status()).isEqualTo(404);
        assertThat(api.raw("GET", "/fhir/Task?patient=" + patient.summary().id(), otherPharmacist, null).status())
                .isEqualTo(404);
    }

    @Test
    void aPersonsTaskIsCompletedByThemOrACoordinatorOfTheirOrganisationOnly() {
        CurrentUser otherNurse = fixtures.user(Role.CLINICIAN, community);
        String forNurse = api.post(consultant, "/api/v1/tasks", task(Map.of("username", nurse.username()), "URGENT"))
                .text("id");
        String forTeam = api.post(consultant, "/api/v1/tasks", task(Map.of("organisationId", community.id().toString()),
                "ROUTINE")).text("id");

        assertThat(api.get(nurse, "/api/v1/tasks/mine").body().findValuesAsText("id")).contains(forNurse, forTeam);
        assertThat(api.get(otherNurse, "/api/v1/tasks/mine").body().findValuesAsText("id"))
                .contains(forTeam).doesNotContain(forNurse);
        assertThat(api.post(otherNurse, "/api/v1/tasks/" + forNurse + "/completion", Map.of("outcome", "x")).status())
                .isEqualTo(403);
        assertThat(api.post(coordinator, "/api/v1/tasks/" + forNurse + "/completion",
                Map.of("outcome", "Phoned the patient myself")).status()).isEqualTo(200);
        assertThat(api.post(otherNurse, "/api/v1/tasks/" + forTeam + "/completion",
                Map.of("outcome", "Carer support arranged")).status()).isEqualTo(200);
    }

    @Test
    void aTaskIsHandedOnWithAReasonOnlyWithinTheCareTeam() {
        String id = api.post(consultant, "/api/v1/tasks", task(Map.of("role", "PHARMACIST",
                "organisationId", community.id().toString()), "HIGH")).text("id");
        String path = "/api/v1/tasks/" + id + "/reassignment";
        Response noReason = api.post(pharmacist, path, Map.of("assignee", Map.of("username", nurse.username())));
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        Response outside = api.post(pharmacist, path, Map.of("assignee", Map.of("username", otherPharmacist.username()),
                "reason", "On leave"));
        assertThat(outside.body().path("errors").get(0).path("field").asText()).isEqualTo("assignee");
        assertThat(api.post(nurse, path, Map.of("assignee", Map.of("username", nurse.username()), "reason", "Mine"))
                .status()).as("not the nurse's to take").isEqualTo(403);

        Response handed = api.post(pharmacist, path, Map.of("assignee", Map.of("username", nurse.username()),
                "reason", "Needs a home visit first"));
        assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
        assertThat(handed.text("assigneeWords")).startsWith(nurse.displayName());
        assertThat(api.get(nurse, "/api/v1/tasks/mine").body().findValuesAsText("id")).contains(id);
        assertThat(api.get(pharmacist, "/api/v1/tasks/mine").body().findValuesAsText("id")).doesNotContain(id);
        assertThat(jdbc.sql("select detail from audit_event where record_id = ? and action = 'UPDATE'").param(id)
                .query(String.class).single()).contains("handed on from Pharmacists").contains("Needs a home visit first");
    }

    @Test
    void refusesBadInputNamingTheFieldAndWritesNothing() {
        Map<String, Object> pharmacists = Map.of("role", "PHARMACIST", "organisationId", community.id().toString());
        assertRefused(without(task(pharmacists, "HIGH"), "title"), "title");
        assertRefused(with(task(pharmacists, "HIGH"), "title", "x".repeat(201)), "title");
        assertRefused(with(task(pharmacists, "HIGH"), "detail", "x".repeat(2001)), "detail");
        assertRefused(without(task(pharmacists, "HIGH"), "assignee"), "assignee");
        assertRefused(without(task(pharmacists, "HIGH"), "priority"), "priority");
        assertRefused(task(pharmacists, "SOON"), "priority");
        assertRefused(with(task(pharmacists, "HIGH"), "dueAt", Instant.now().minusSeconds(60).toString()), "dueAt");
        assertRefused(task(Map.of("role", "PHARMACIST"), "HIGH"), "assignee.organisationId");
        assertRefused(task(Map.of("role", "NURSE", "organisationId", community.id().toString()), "HIGH"),
                "assignee.role");
        assertRefused(task(Map.of("username", "nobody-" + Fixtures.unique("x")), "HIGH"), "assignee.username");
        assertRefused(task(Map.of("username", nurse.username(), "role", "PHARMACIST"), "HIGH"), "assignee");

        assertThat(jdbc.sql("select count(*) from task where patient_id = ? and origin <> 'RECONCILIATION'").param(patient.summary().id().value())
                .query(Long.class).single()).isZero();

        String id = api.post(consultant, "/api/v1/tasks", task(pharmacists, "HIGH")).text("id");
        Response noOutcome = api.post(pharmacist, "/api/v1/tasks/" + id + "/completion", Map.of("outcome", " "));
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(noOutcome.body().path("errors").get(0).path("field").asText()).isEqualTo("outcome");
        assertThat(jdbc.sql("select status from task where id = ?::uuid").param(id).query(String.class).single())
                .isEqualTo("OPEN");
    }

    @Test
    void refusesAnAssigneeOutsideTheCareTeamOrWhoWouldNeverSeeIt() {
        assertRefused(task(Map.of("role", "PHARMACIST", "organisationId", elsewhere.id().toString()), "HIGH"),
                "assignee");
        assertRefused(task(Map.of("organisationId", elsewhere.id().toString()), "HIGH"), "assignee");
        assertRefused(task(Map.of("username", otherPharmacist.username()), "HIGH"), "assignee");
        Response noneHeld = api.post(consultant, "/api/v1/tasks",
                task(Map.of("role", "PHARMACIST", "organisationId", acute.id().toString()), "HIGH"));
        assertThat(noneHeld.status()).isEqualTo(400);
        assertThat(noneHeld.text("detail")).contains("Nobody at " + acute.name() + " is a pharmacist");
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        assertRefused(task(Map.of("username", referrer.username()), "HIGH"), "assignee.username");

        assertThat(api.post(otherPharmacist, "/api/v1/tasks", task(Map.of("organisationId",
                elsewhere.id().toString()), "HIGH")).status()).as("the patient is not in their care").isEqualTo(404);
        assertThat(api.post(referrer, "/api/v1/tasks", task(Map.of("organisationId", acute.id().toString()), "HIGH"))
                .status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from task where patient_id = ? and origin <> 'RECONCILIATION'").param(patient.summary().id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTaskAboutAPatientWhoLeftTheOrganisationsCareIsListedWithoutItsDetails() {
        String id = api.post(consultant, "/api/v1/tasks", task(Map.of("role", "PHARMACIST",
                "organisationId", community.id().toString()), "ROUTINE")).text("id");
        Response removed = api.post(consultant, "/api/v1/patients/" + patient.summary().id() + "/care-team/"
                + community.id() + "/removal", Map.of("reason", "Community team no longer visiting"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);

        Response mine = api.get(pharmacist, "/api/v1/tasks/mine");
        JsonNode listed = null;
        for (JsonNode t : mine.body()) {
            if (t.path("id").asText().equals(id)) {
                listed = t;
            }
        }
        assertThat(listed).as("still listed, so the task is not lost").isNotNull();
        assertThat(listed.path("title").asText()).isEqualTo(TaskService.WITHHELD);
        assertThat(listed.hasNonNull("patientId")).isFalse();
        assertThat(listed.hasNonNull("detail")).isFalse();
        assertThat(mine.toString()).doesNotContain(patient.summary().familyName()).doesNotContain("furosemide");
        assertThat(api.post(pharmacist, "/api/v1/tasks/" + id + "/completion", Map.of("outcome", "Done")).status())
                .isEqualTo(404);
        assertThat(api.post(consultant, "/api/v1/tasks/" + id + "/cancellation",
                Map.of("reason", "Community team no longer visiting")).text("status")).isEqualTo("CANCELLED");
    }

    @Test
    void anAlertOnTheBoardBecomesATaskLinkedToIt() {
        List<Map<String, Object>> readings = Map.of("RESPIRATORY_RATE", 30.0, "OXYGEN_SATURATION", 90.0,
                "HEART_RATE", 135.0).entrySet().stream().map(e -> Map.<String, Object>of(
                        "id", UUID.randomUUID().toString(), "patientId", patient.summary().id().toString(),
                        "parameter", e.getKey(), "value", e.getValue(),
                        "recordedAt", Instant.now().minusSeconds(30).toString())).toList();
        assertThat(api.post(nurse, "/api/v1/observations/batch", Map.of("readings", readings)).status()).isEqualTo(200);
        UUID alert = jdbc.sql("select id from alert where patient_id = ? and status <> 'CLOSED'")
                .param(patient.summary().id().value()).query(UUID.class).single();

        PageSession session = PageSession.signIn(api.baseUrl(), consultant);
        PageSession.Page board = session.get("/alerts");
        String link = board.html().select("[data-alert-id='" + alert + "'] [data-testid='create-task']").attr("href");
        assertThat(link).startsWith("/patients/" + patient.summary().id() + "/tasks/new?alert=" + alert);
        PageSession.Page form = session.get(link);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select("#title").attr("value")).startsWith("High alert: ");
        assertThat(form.testId("from-alert")).contains("From an alert");

        PageSession.Page set = session.submit(form, "form[action$='/tasks']", Map.of(
                "title", form.html().select("#title").attr("value"), "detail", "Review the NEWS2 trend at home",
                "assignTo", "role:PHARMACIST:" + community.id(), "priority", "HIGH", "origin", "ALERT",
                "originId", alert.toString()));
        assertThat(set.status()).as(set.toString()).isEqualTo(302);
        JsonNode task = api.get(pharmacist, "/api/v1/tasks/mine").body().get(0);
        assertThat(task.path("origin").asText()).isEqualTo("ALERT");
        assertThat(task.path("originId").asText()).isEqualTo(alert.toString());
        assertThat(task.path("title").asText()).startsWith("High alert: ");
    }

    private void assertRefused(Map<String, Object> body, String field) {
        Response refused = api.post(consultant, "/api/v1/tasks", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).as(refused.toString())
                .isEqualTo(field);
    }

    private Map<String, Object> task(Map<String, Object> assignee, String priority) {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", patient.summary().id().toString());
        body.put("title", "Reconcile medicines before discharge");
        body.put("detail", "New furosemide dose from the heart failure team");
        body.put("assignee", assignee);
        body.put("priority", priority);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        body.remove(field);
        return body;
    }
}
