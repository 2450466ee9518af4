package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.homeward.support.Api;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's week of board rounds, today's acuity and the tasks that give each role's worklist its work, read back
 * from the shared test database for the demo's own wards and patients only (other tests' data lives beside them, and
 * other demo tests may add rounds today or later).
 */
@IntegrationTest
class DemoBoardRoundsIT {

    @Autowired DemoLoader loader;
    @Autowired WardService wards;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    DemoPlan plan;
    LocalDate loadDay;

    @BeforeEach
    void loadOnce() {
        plan = DemoLoadedOnce.load(loader).plan();
        loadDay = plan.now().toLocalDate();
    }

    @Test
    void everyDemoWardHasARoundOnEachOfTheSevenDaysBeforeTodayLedByItsConsultantWithTheMdt() {
        for (DemoWard ward : DemoWard.values()) {
            UUID lead = userId(DemoStay.consultantOf(ward));
            List<Map<String, Object>> rounds = jdbc.sql("""
                    select id, round_date, lead_user_id, written_up_later from board_round
                    where ward_id = ? and round_date < ? order by round_date""")
                    .params(wardId(ward), Date.valueOf(loadDay)).query().listOfRows();
            assertThat(rounds).as(ward.displayName()).extracting(r -> ((Date) r.get("round_date")).toLocalDate())
                    .containsExactly(days().toArray(LocalDate[]::new));
            assertThat(rounds).allSatisfy(r -> {
                assertThat(r.get("lead_user_id")).isEqualTo(lead);
                assertThat(r.get("written_up_later")).isEqualTo(true);
                List<String> attending = jdbc.sql("""
                        select coalesce(u.username, a.role) from board_round_attendee a
                        left join app_user u on u.id = a.user_id where a.round_id = ? order by a.position""")
                        .param(r.get("id")).query(String.class).list();
                assertThat(attending).contains(DemoStay.consultantOf(ward));
                assertThat(attending).containsAll(DemoBoardRounds.attendees(ward));
                assertThat(attending).anyMatch(a -> a.contains("Social worker") || a.contains("Health visitor"));
            });
        }
    }

    @Test
    void eachPatientIsReviewedOnEveryDayOfTheWeekTheyWereOnTheWardAtTheRoundOfTheirWard() {
        Map<String, Set<LocalDate>> expected = new HashMap<>();
        for (DemoStay stay : DemoStay.of(plan)) {
            Set<LocalDate> on = new TreeSet<>();
            for (LocalDate day : days()) {
                if (stay.onWardOn(day)) {
                    on.add(day);
                }
            }
            if (!on.isEmpty()) {
                expected.put(stay.plan().patient().details().nhsNumber(), on);
            }
        }
        assertThat(expected.keySet().stream().filter(nhs -> plan.episodes().stream().anyMatch(e -> e.discharge() != null
                && e.patient().details().nhsNumber().equals(nhs)))).as("patients discharged since, reviewed too")
                .isNotEmpty();
        Map<String, Set<LocalDate>> reviewed = new HashMap<>();
        jdbc.sql("""
                select p.nhs_number, r.review_date from board_round_review r join patient p on p.id = r.patient_id
                join board_round b on b.id = r.round_id join admission a on a.id = r.admission_id
                where p.nhs_number = any(?) and r.review_date < ? and b.ward_id = a.ward_id
                  and b.round_date = r.review_date""")
                .params(expected.keySet().toArray(String[]::new), Date.valueOf(loadDay))
                .query(rs -> {
                    reviewed.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getDate(2).toLocalDate());
                });
        assertThat(reviewed).isEqualTo(expected);
        // the decisions follow the stays; no estimated discharge date was revised in the past
        List<String> decisions = jdbc.sql("""
                select distinct r.decision from board_round_review r join patient p on p.id = r.patient_id
                where p.nhs_number = any(?) and r.review_date < ?""")
                .params(expected.keySet().toArray(String[]::new), Date.valueOf(loadDay)).query(String.class).list();
        assertThat(decisions).contains("CONTINUE", "CHANGE_MONITORING", "DISCHARGE_TOMORROW", "DISCHARGE_TODAY")
                .doesNotContain("REVISE_EDD");
    }

    @Test
    void redDaysHaveActionsThatBecameTasksMostlyDoneByThePersonWhoWouldDoThem() {
        List<UUID> demoWards = List.of(wardId(DemoWard.FRAILTY_RESPIRATORY), wardId(DemoWard.HEART_FAILURE),
                wardId(DemoWard.CHILDREN));
        UUID[] ids = demoWards.toArray(UUID[]::new);
        long red = jdbc.sql("""
                select count(*) from board_round_review r join board_round b on b.id = r.round_id
                where b.ward_id = any(?) and r.review_date < ? and r.day_colour = 'RED'""")
                .params(ids, Date.valueOf(loadDay)).query(Long.class).single();
        long redWithoutAction = jdbc.sql("""
                select count(*) from board_round_review r join board_round b on b.id = r.round_id
                where b.ward_id = any(?) and r.review_date < ? and r.day_colour = 'RED'
                  and not exists (select 1 from board_round_action x where x.review_id = r.id)""")
                .params(ids, Date.valueOf(loadDay)).query(Long.class).single();
        assertThat(red).isGreaterThanOrEqualTo(10);
        assertThat(redWithoutAction).isZero();

        List<Map<String, Object>> tasks = jdbc.sql("""
                select t.status, t.priority, t.due_at < now() as overdue, t.closed_by_username, x.assigned_role
                from board_round_action x join board_round b on b.id = x.round_id join task t on t.id = x.task_id
                where b.ward_id = any(?) and b.round_date < ?""")
                .params(ids, Date.valueOf(loadDay)).query().listOfRows();
        long actions = jdbc.sql("""
                select count(*) from board_round_action x join board_round b on b.id = x.round_id
                where b.ward_id = any(?) and b.round_date < ?""")
                .params(ids, Date.valueOf(loadDay)).query(Long.class).single();
        assertThat(tasks).as("every action is a task").hasSize((int) actions);
        List<Map<String, Object>> open = tasks.stream().filter(t -> t.get("status").equals("OPEN")).toList();
        List<Map<String, Object>> done = tasks.stream().filter(t -> t.get("status").equals("DONE")).toList();
        assertThat(done.size()).as("most done").isGreaterThan(3 * open.size());
        assertThat(open).isNotEmpty().allSatisfy(t -> assertThat(t.get("priority")).isEqualTo("ROUTINE"));
        assertThat(open).as("one left overdue").anySatisfy(t -> assertThat(t.get("overdue")).isEqualTo(true));
        // done by someone of the role the round named
        Map<String, String> roleOf = new HashMap<>(Map.of("CLINICIAN", "nurse", "COORDINATOR", "coordinator",
                "PHARMACIST", "pharmacist"));
        assertThat(done).allSatisfy(t -> assertThat((String) t.get("closed_by_username"))
                .startsWith(roleOf.getOrDefault((String) t.get("assigned_role"), "consultant")));
    }

    @Test
    void eachRolesWorklistHasWork() {
        JsonNode pharmacist = worklist("pharmacist");
        assertThat(pharmacist.findValuesAsText("title")).contains("Medicines reconciliation: newly admitted");
        assertThat(worklist("gp").findValuesAsText("title")).contains("Review repeat prescriptions before discharge");
        JsonNode coordinator = worklist("coordinator");
        assertThat(coordinator.findValuesAsText("title")).contains(
                "Arrange a profiling bed and pressure-relieving mattress",
                "Chase the start date of the reablement package with Dorset Council");
        assertThat(coordinator.findValuesAsText("overdue")).contains("true");
        assertThat(worklist("coordinator2").findValuesAsText("title"))
                .contains("Arrange the home oxygen risk assessment");
        // every task shown is about a patient the user may see, named
        for (String user : List.of("pharmacist", "gp", "coordinator")) {
            for (JsonNode task : worklist(user)) {
                if (task.path("patientId").isTextual()) {
                    assertThat(task.path("patientName").asText()).as(user).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyPatientAdmittedNowIsAssessedTodayWithLevelsFromOneToFour() {
        List<String> current = plan.episodes().stream().filter(e -> e.stage() == EpisodePlan.Stage.ADMITTED)
                .map(e -> e.patient().details().nhsNumber()).toList();
        List<Map<String, Object>> latest = jdbc.sql("""
                select distinct on (a.patient_id) a.level, a.meets_criteria_to_reside, a.assessed_on, a.assessed_by
                from acuity_assessment a join patient p on p.id = a.patient_id where p.nhs_number = any(?)
                order by a.patient_id, a.assessed_at""")
                .param(current.toArray(String[]::new)).query().listOfRows();
        assertThat(latest).hasSize(current.size());
        assertThat(latest).allSatisfy(a -> {
            assertThat(((Date) a.get("assessed_on")).toLocalDate()).isEqualTo(loadDay);
            assertThat((String) a.get("assessed_by")).matches("nurse[34]?|consultant[34]?");
        });
        assertThat(latest).extracting(a -> a.get("level")).contains(1, 2, 3, 4);
        assertThat(latest).extracting(a -> a.get("meets_criteria_to_reside")).contains(true, false);
    }

    @Test
    void theConsultantsBoardListsTheWardMostAcuteFirstWithTodaysAcuity() {
        Set<String> criteria = new HashSet<>();
        for (DemoWard ward : DemoWard.values()) {
            Api.RawResponse response = api.raw("GET", "/api/v1/board-round?ward=" + wardId(ward),
                    DemoStay.consultantOf(ward), DemoLogins.PASSWORD, null);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode rows = api.json(response).path("rows");
            assertThat(rows).hasSize((int) plan.count(EpisodePlan.Stage.ADMITTED, ward));
            List<Integer> ranks = new ArrayList<>();
            for (JsonNode row : rows) {
                assertThat(row.path("facts").path("acuityLevel").asText()).as(ward.displayName())
                        .matches("Level [1-4]: .*").doesNotContain("assessed");
                ranks.add(row.path("facts").path("acuityRank").asInt());
                criteria.add(row.path("facts").path("criteriaToReside").asText().replaceFirst(" .*", ""));
            }
            assertThat(ranks).as(ward.displayName()).isSortedAccordingTo((a, b) -> b - a);
            assertThat(ranks.get(0)).as("a deteriorating patient heads " + ward.displayName()).isGreaterThanOrEqualTo(3);
        }
        assertThat(criteria).as("some still meet the criteria to reside, some no longer").contains("Met", "Not");
    }

    private JsonNode worklist(String username) {
        Api.RawResponse response = api.raw("GET", "/api/v1/tasks/mine", username, DemoLogins.PASSWORD, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode tasks = api.json(response);
        assertThat(tasks).as(username + "'s worklist").isNotEmpty();
        return tasks;
    }

    private List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (int back = DemoBoardRounds.DAYS; back >= 1; back--) {
            days.add(loadDay.minusDays(back));
        }
        return days;
    }

    private UUID wardId(DemoWard ward) {
        return wards.wards().stream().filter(w -> w.name().equals(ward.displayName())).map(VirtualWard::id)
                .findFirst().orElseThrow().value();
    }

    private UUID userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }
}
