package org.homeward.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DayPlanRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DayPlanRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Serialises planning of one organisation's day: two coordinators planning at once make versions one after the
     * other.
     */
    void lockDay(OrganisationId organisation, LocalDate day) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("day-plan:" + organisation.value() + ":" + day).query(rs -> { });
    }

    /**
     * The organisation whose current plan for a day from {@code from} to {@code to} includes a visit to the patient,
     * the latest day first: the team that visits them.
     */
    Optional<OrganisationId> visitingOrganisation(PatientId patient, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select p.organisation_id from day_plan p join planned_visit v on v.plan_id = p.id
                where v.patient_id = ? and p.plan_date between ? and ?
                  and p.version = (select max(q.version) from day_plan q
                                   where q.organisation_id = p.organisation_id and q.plan_date = p.plan_date)
                group by p.organisation_id order by max(p.plan_date) desc, max(p.made_at) desc limit 1""")
                .params(patient.value(), java.sql.Date.valueOf(from), java.sql.Date.valueOf(to))
                .query((rs, n) -> new OrganisationId(rs.getObject(1, UUID.class))).optional();
    }

    int nextVersion(OrganisationId organisation, LocalDate day) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from day_plan where organisation_id = ? and plan_date = ?")
                .params(organisation.value(), java.sql.Date.valueOf(day)).query(Integer.class).single();
    }

    void insert(DayPlan plan) {
        jdbc.sql("""
                insert into day_plan (id, organisation_id, plan_date, version, made_by, made_at, reason, travel_model,
                    score, feasible, solve_millis)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(plan.id(), plan.organisationId().value(), java.sql.Date.valueOf(plan.date()), plan.version(), plan.madeBy(),
                        Timestamp.from(plan.madeAt()), plan.reason(), plan.travelModel(), plan.score(), plan.feasible(),
                        plan.solveMillis())
                .update();
        // one batch, not one round trip per visit: a county day has hundreds
        batch.batchUpdate("""
                insert into planned_visit (plan_id, visit_id, requirement_id, patient_id, kind, description,
                    assisting, shift_id, staff_name, route_position, arrives_at, starts_at, ends_at, window_start,
                    window_end, not_planned_why)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                plan.visits().stream().map(v -> new Object[] {plan.id(), v.visitId(), v.requirementId(),
                        v.patientId().value(), v.kind().name(), v.description(), v.assisting(), v.shiftId(),
                        v.staffName(), v.routePosition(), ts(v.arrivesAt()), ts(v.startsAt()), ts(v.endsAt()),
                        ts(v.windowStart()), ts(v.windowEnd()), v.notPlannedWhy()}).toList());
    }

    void insertChanges(UUID planId, List<DayPlanChange> changes) {
        batch.batchUpdate("""
                insert into day_plan_change (plan_id, visit_id, kind, shift_before, shift_after, staff_before,
                    staff_after, start_before, start_after)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                changes.stream().map(c -> new Object[] {planId, c.visitId(), c.change().name(), c.shiftBefore(),
                        c.shiftAfter(), c.staffBefore(), c.staffAfter(), ts(c.startBefore()), ts(c.startAfter())})
                        .toList());
    }

    /** What the re-plan that made this plan version changed, with each visit's patient and kind. */
    List<DayPlanChange> changes(UUID planId) {
        return jdbc.sql("""
                select c.*, v.patient_id, v.kind as visit_kind from day_plan_change c
                join planned_visit v on v.plan_id = c.plan_id and v.visit_id = c.visit_id
                where c.plan_id = ? order by coalesce(c.start_after, c.start_before), c.visit_id""")
                .param(planId)
                .query((rs, n) -> new DayPlanChange(rs.getString("visit_id"),
                        new PatientId(rs.getObject("patient_id", UUID.class)),
                        InterventionKind.valueOf(rs.getString("visit_kind")),
                        DayPlanChange.Kind.valueOf(rs.getString("kind")), rs.getObject("shift_before", UUID.class),
                        rs.getObject("shift_after", UUID.class), rs.getString("staff_before"),
                        rs.getString("staff_after"), instant(rs, "start_before"), instant(rs, "start_after")))
                .list();
    }

    /** The id of an organisation's newest plan of the day, without reading its visits. */
    Optional<UUID> currentId(OrganisationId organisation, LocalDate day) {
        return jdbc.sql("""
                select id from day_plan where organisation_id = ? and plan_date = ? order by version desc limit 1""")
                .params(organisation.value(), java.sql.Date.valueOf(day)).query(UUID.class).optional();
    }

    /** Which organisations' newest plans of the day have visits to a patient: usually one, the team that visits them. */
    List<OrganisationId> organisationsPlanning(PatientId patient, LocalDate day) {
        return jdbc.sql("""
                select distinct d.organisation_id from day_plan d
                join planned_visit v on v.plan_id = d.id and v.patient_id = ?
                where d.plan_date = ? and d.version = (select max(n.version) from day_plan n
                    where n.organisation_id = d.organisation_id and n.plan_date = d.plan_date)""")
                .params(patient.value(), java.sql.Date.valueOf(day))
                .query((rs, row) -> new OrganisationId(rs.getObject(1, UUID.class))).list();
    }

    /** The organisations and days, from {@code from} on, whose newest plan has visits to the patient. */
    List<java.util.Map.Entry<OrganisationId, LocalDate>> plansWithPatientFrom(PatientId patient, LocalDate from) {
        return jdbc.sql("""
                select distinct d.organisation_id, d.plan_date from day_plan d
                join planned_visit v on v.plan_id = d.id and v.patient_id = ?
                where d.plan_date >= ? and d.version = (select max(n.version) from day_plan n
                    where n.organisation_id = d.organisation_id and n.plan_date = d.plan_date)
                order by d.plan_date""")
                .params(patient.value(), java.sql.Date.valueOf(from))
                .query((rs, row) -> java.util.Map.entry(new OrganisationId(rs.getObject(1, UUID.class)),
                        rs.getDate(2).toLocalDate())).list();
    }

    /** An organisation's newest plan of the day. */
    Optional<DayPlan> current(OrganisationId organisation, LocalDate day) {
        return jdbc.sql("""
                select * from day_plan where organisation_id = ? and plan_date = ? order by version desc limit 1""")
                .params(organisation.value(), java.sql.Date.valueOf(day))
                .query((rs, row) -> plan(rs)).optional();
    }

    /** One version of an organisation's plan of the day. */
    Optional<DayPlan> version(OrganisationId organisation, LocalDate day, int version) {
        return jdbc.sql("select * from day_plan where organisation_id = ? and plan_date = ? and version = ?")
                .params(organisation.value(), java.sql.Date.valueOf(day), version)
                .query((rs, row) -> plan(rs)).optional();
    }

    /** The plan version whose changes the user last marked read on that organisation's day, if any. */
    Optional<Integer> readVersion(UUID user, OrganisationId organisation, LocalDate day) {
        return jdbc.sql("""
                select plan_version from plan_changes_read where user_id = ? and organisation_id = ? and plan_date = ?""")
                .params(user, organisation.value(), java.sql.Date.valueOf(day)).query(Integer.class).optional();
    }

    /** Records that the user has read the changes up to {@code version}; an older version never replaces a newer. */
    void markRead(UUID user, OrganisationId organisation, LocalDate day, int version, Instant at) {
        jdbc.sql("""
                insert into plan_changes_read (user_id, organisation_id, plan_date, plan_version, read_at)
                values (?, ?, ?, ?, ?)
                on conflict (user_id, organisation_id, plan_date) do update
                set plan_version = greatest(plan_changes_read.plan_version, excluded.plan_version),
                    read_at = excluded.read_at""")
                .params(user, organisation.value(), java.sql.Date.valueOf(day), version, Timestamp.from(at)).update();
    }

    private DayPlan plan(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<PlannedVisit> visits = jdbc.sql("""
                select * from planned_visit where plan_id = ?
                order by staff_name nulls last, route_position nulls last, window_start, visit_id""")
                .param(id).query((r, n) -> visit(r)).list();
        return new DayPlan(id, new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getDate("plan_date").toLocalDate(), rs.getInt("version"), rs.getString("made_by"),
                rs.getTimestamp("made_at").toInstant(), rs.getString("reason"), rs.getString("travel_model"),
                rs.getString("score"), rs.getBoolean("feasible"), rs.getInt("solve_millis"), visits);
    }

    private static PlannedVisit visit(ResultSet rs) throws SQLException {
        return new PlannedVisit(rs.getString("visit_id"), rs.getString("requirement_id"),
                new PatientId(rs.getObject("patient_id", UUID.class)), InterventionKind.valueOf(rs.getString("kind")),
                rs.getString("description"), rs.getBoolean("assisting"), rs.getObject("shift_id", UUID.class),
                rs.getString("staff_name"), (Integer) rs.getObject("route_position"), instant(rs, "arrives_at"),
                instant(rs, "starts_at"), instant(rs, "ends_at"), instant(rs, "window_start"),
                instant(rs, "window_end"), rs.getString("not_planned_why"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
