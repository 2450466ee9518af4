package org.homeward.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.support.Api;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.support.PageSession;
import org.homeward.support.TestClock;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Time moved with the test clock, never slept: a task past its due time is flagged overdue on the worklist; the
 * overdue-task check escalates an urgent one once to the coordinators of the organisation it was set for (told in
 * the app, shown under "Overdue tasks in your organisation"), not again on the next check; a routine one is flagged
 * but not escalated.
 */
@IntegrationTest
class TaskOverdueIT {

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired TaskService tasks;
    @Autowired TaskSchedule schedule;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOverdueUrgentTaskIsFlaggedAndEscalatedToTheCoordinatorsOnce() {
        Organisation acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        Organisation community = fixtures.organisation(OrganisationType.COMMUNITY_PROVIDER);
        CurrentUser referrer = fixtures.user(Role.REFERRER, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        CurrentUser pharmacist = fixtures.user(Role.PHARMACIST, community);
        CurrentUser coordinator = fixtures.user(Role.COORDINATOR, community);
        VirtualWard ward = fixtures.ward(acute, 5, List.of(community));
        PatientRecord patient = fixtures.patient(referrer, LocalDate.of(1939, 9, 9));
        fixtures.admit(patient, ward, referrer, consultant);
        // admission set the pharmacists' medicines reconciliation task (its own tests are in the medication module);
        // cancelled here so this test sees only the tasks it sets
        tasks.tasksOf(consultant, patient.summary().id()).forEach(t -> tasks.cancel(consultant, t.id(), "Not part of this test"));
        Instant set = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
        clock.set(set);

        TaskView urgent = tasks.create(consultant, new NewTask(patient.summary().id(), "Check the new warfarin dose",
                null, TaskAssignee.role(Role.PHARMACIST, community.id()), null, TaskPriority.URGENT, null, null));
        TaskView routine = tasks.create(consultant, new NewTask(patient.summary().id(), "Order compliance aid",
                null, TaskAssignee.role(Role.PHARMACIST, community.id()), set.plus(Duration.ofMinutes(30)),
                TaskPriority.ROUTINE, null, null));
        assertThat(urgent.dueAt()).as("urgent: within the hour").isEqualTo(set.plus(Duration.ofHours(1)));
        assertThat(overdue(pharmacist, urgent)).isFalse();

        clock.set(set.plus(Duration.ofMinutes(61)));
        assertThat(overdue(pharmacist, urgent)).isTrue();
        assertThat(overdue(pharmacist, routine)).isTrue();
        schedule.check();

        assertThat(escalatedAt(urgent)).isEqualTo(set.plus(Duration.ofMinutes(61)));
        assertThat(escalatedAt(routine)).as("routine tasks are flagged, not escalated").isNull();
        assertThat(toldAboutOverdueTasks(coordinator)).hasSize(1).first().satisfies(n -> {
            assertThat(n.path("subject").asText()).isEqualTo("Overdue urgent task");
            assertThat(n.path("body").asText()).contains("Pharmacists, " + community.name())
                    .contains("Task: Check the new warfarin dose").doesNotContain(patient.summary().familyName());
        });
        assertThat(toldAboutOverdueTasks(pharmacist)).as("the coordinators are told, not the assignees").isEmpty();

        clock.set(set.plus(Duration.ofMinutes(125)));
        schedule.check();
        tasks.escalateOverdue(clock.instant());
        assertThat(escalatedAt(urgent)).as("escalated once").isEqualTo(set.plus(Duration.ofMinutes(61)));
        assertThat(toldAboutOverdueTasks(coordinator)).as("told once, not at every check").hasSize(1);

        JsonNode overdueInOrganisation = api.get(coordinator, "/api/v1/tasks/overdue").body();
        assertThat(overdueInOrganisation.findValuesAsText("id")).contains(urgent.id().toString(),
                routine.id().toString());
        PageSession.Page coordinatorsList = PageSession.signIn(api.baseUrl(), coordinator).get("/tasks");
        assertThat(coordinatorsList.html().selectFirst("h1").text()).isEqualTo("Coordinator's worklist");
        assertThat(coordinatorsList.testId("overdue-in-organisation")).contains("Check the new warfarin dose")
                .contains("Overdue").contains("Escalated").contains("to the coordinators");
        PageSession.Page pharmacistsList = PageSession.signIn(api.baseUrl(), pharmacist).get("/tasks");
        assertThat(pharmacistsList.html().select("[data-task-id='" + urgent.id() + "'] [data-testid='overdue']")
                .text()).isEqualTo("Overdue");
        assertThat(pharmacistsList.html().select("[data-testid='worklist'] [data-testid='task-title']").eachText())
                .as("overdue first").startsWith("Order compliance aid", "Check the new warfarin dose");
        assertThat(pharmacistsList.html().text()).doesNotContain("Overdue tasks in your organisation");
        assertThat(api.get(pharmacist, "/api/v1/tasks/overdue").status())
                .as("only coordinators oversee the organisation's overdue tasks").isEqualTo(403);
    }

    private boolean overdue(CurrentUser user, TaskView task) {
        for (JsonNode t : api.get(user, "/api/v1/tasks/mine").body()) {
            if (t.path("id").asText().equals(task.id().toString())) {
                return t.path("overdue").asBoolean();
            }
        }
        throw new AssertionError("task " + task.id() + " not on the worklist of " + user.username());
    }

    private Instant escalatedAt(TaskView task) {
        return jdbc.sql("select escalated_at from task where id = ?").param(task.id())
                .query((rs, row) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list().get(0);
    }

    private List<JsonNode> toldAboutOverdueTasks(CurrentUser user) {
        List<JsonNode> told = new java.util.ArrayList<>();
        api.get(user, "/api/v1/notifications").body().forEach(n -> {
            if (n.path("subject").asText().startsWith("Overdue")) {
                told.add(n);
            }
        });
        return told;
    }
}
