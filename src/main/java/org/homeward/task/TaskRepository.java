package org.homeward.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.security.Role;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TaskRepository {

    /** A task as stored; {@link #view} says whether it is overdue at a moment. */
    record StoredTask(UUID id, PatientId patientId, String title, String detail, TaskAssignee assignee,
            String assigneeWords, TaskPriority priority, TaskOrigin origin, String originId, Instant dueAt,
            String createdBy, String createdByUsername, OrganisationId createdByOrganisation, Instant createdAt,
            TaskStatus status, String closedBy, Instant closedAt, String outcome, Instant escalatedAt) {

        TaskView view(Instant now) {
            return new TaskView(id, patientId, null, title, detail, assignee, assigneeWords, priority, origin,
                    originId, dueAt, status == TaskStatus.OPEN && dueAt.isBefore(now), status, createdBy, createdAt,
                    closedBy, closedAt, outcome, escalatedAt);
        }
    }

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredTask t) {
        jdbc.sql("""
                insert into task (id, patient_id, title, detail, assignee_username, assignee_role,
                    assignee_organisation_id, assignee_label, priority, origin, origin_id, due_at, created_by,
                    created_by_username, created_by_organisation_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), t.patientId() == null ? null : t.patientId().value(), t.title(), t.detail(),
                        t.assignee().username(), t.assignee().role() == null ? null : t.assignee().role().name(),
                        t.assignee().organisationId().value(), t.assigneeWords(), t.priority().name(),
                        t.origin().name(), t.originId(), Timestamp.from(t.dueAt()), t.createdBy(),
                        t.createdByUsername(), t.createdByOrganisation().value(), Timestamp.from(t.createdAt()))
                .update();
    }

    Optional<StoredTask> find(UUID id) {
        return jdbc.sql("select * from task where id = ?").param(id).query(TaskRepository::task).optional();
    }

    /** Closes an open task as done or cancelled; false if it was no longer open. */
    boolean close(UUID id, TaskStatus status, String by, String byUsername, Instant at, String outcome) {
        return jdbc.sql("""
                update task set status = ?, closed_by = ?, closed_by_username = ?, closed_at = ?, outcome = ?
                where id = ? and status = 'OPEN'""")
                .params(status.name(), by, byUsername, Timestamp.from(at), outcome, id).update() == 1;
    }

    /** Hands an open task to someone else; false if it was no longer open. */
    boolean reassign(UUID id, TaskAssignee to, String words) {
        return jdbc.sql("""
                update task set assignee_username = ?, assignee_role = ?, assignee_organisation_id = ?,
                    assignee_label = ?
                where id = ? and status = 'OPEN'""")
                .params(to.username(), to.role() == null ? null : to.role().name(), to.organisationId().value(),
                        words, id).update() == 1;
    }

    /**
     * The open tasks for this person: assigned to them, to their role in their organisation, or to their
     * organisation's team; soonest due first (so overdue ones first).
     */
    List<StoredTask> openFor(String username, Role role, OrganisationId organisation) {
        return jdbc.sql("""
                select * from task where status = 'OPEN' and (assignee_username = ?
                    or (assignee_username is null and assignee_organisation_id = ?
                        and (assignee_role is null or assignee_role = ?)))
                order by due_at, priority = 'URGENT' desc, priority = 'HIGH' desc, created_at""")
                .params(username, organisation.value(), role.name()).query(TaskRepository::task).list();
    }

    /** Open tasks assigned within the organisation (to anyone in it) that are past due at {@code now}. */
    List<StoredTask> overdueIn(OrganisationId organisation, Instant now) {
        return jdbc.sql("""
                select * from task where status = 'OPEN' and assignee_organisation_id = ? and due_at < ?
                order by due_at""")
                .params(organisation.value(), Timestamp.from(now)).query(TaskRepository::task).list();
    }

    /** The open tasks that came from this origin and record (at most one for a step-down referral ready to admit). */
    List<StoredTask> openFrom(TaskOrigin origin, String originId) {
        return jdbc.sql("select * from task where status = 'OPEN' and origin = ? and origin_id = ? order by created_at")
                .params(origin.name(), originId).query(TaskRepository::task).list();
    }

    List<StoredTask> ofPatient(PatientId patient) {
        return jdbc.sql("""
                select * from task where patient_id = ?
                order by status = 'OPEN' desc, case when status = 'OPEN' then due_at end, closed_at desc""")
                .param(patient.value()).query(TaskRepository::task).list();
    }

    List<StoredTask> openOf(Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from task where status = 'OPEN' and patient_id = any(?) order by due_at")
                .param(patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(TaskRepository::task).list();
    }

    /**
     * Marks every open urgent or high task past due at {@code now} and not yet escalated as escalated now, and returns
     * them: each is taken once, even by two nodes checking at the same moment (the row lock and the
     * {@code escalated_at is null} condition).
     */
    List<StoredTask> takeOverdueToEscalate(Instant now) {
        return jdbc.sql("""
                update task set escalated_at = ?
                where id in (select id from task
                    where status = 'OPEN' and escalated_at is null and priority in ('URGENT', 'HIGH') and due_at < ?
                    order by due_at limit 500 for update skip locked)
                returning *""")
                .params(Timestamp.from(now), Timestamp.from(now)).query(TaskRepository::task).list();
    }

    private static StoredTask task(ResultSet rs, int row) throws SQLException {
        UUID patient = rs.getObject("patient_id", UUID.class);
        String role = rs.getString("assignee_role");
        return new StoredTask(rs.getObject("id", UUID.class), patient == null ? null : new PatientId(patient),
                rs.getString("title"), rs.getString("detail"),
                new TaskAssignee(rs.getString("assignee_username"), role == null ? null : Role.valueOf(role),
                        new OrganisationId(rs.getObject("assignee_organisation_id", UUID.class))),
                rs.getString("assignee_label"), TaskPriority.valueOf(rs.getString("priority")),
                TaskOrigin.valueOf(rs.getString("origin")), rs.getString("origin_id"), instant(rs, "due_at"),
                rs.getString("created_by"), rs.getString("created_by_username"),
                new OrganisationId(rs.getObject("created_by_organisation_id", UUID.class)), instant(rs, "created_at"),
                TaskStatus.valueOf(rs.getString("status")), rs.getString("closed_by"), instant(rs, "closed_at"),
                rs.getString("outcome"), instant(rs, "escalated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
