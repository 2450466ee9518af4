package org.homeward.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VisitRecordRepository {

    private final JdbcClient jdbc;

    VisitRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an arrival; false when the visit already has a record (someone arrived first). */
    boolean insertArrival(VisitRecord r) {
        return jdbc.sql("""
                insert into visit_record (plan_date, visit_id, patient_id, shift_id, staff_name, arrived_at,
                    recorded_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (plan_date, visit_id) do nothing""")
                .params(java.sql.Date.valueOf(r.date()), r.visitId(), r.patientId().value(), r.shiftId(),
                        r.staffName(), Timestamp.from(r.arrivedAt()), r.recordedBy(), Timestamp.from(r.updatedAt()))
                .update() == 1;
    }

    /** Records a departure and outcome; false when the visit has no arrival or was already closed. */
    boolean recordDeparture(VisitRecord r) {
        return jdbc.sql("""
                update visit_record set departed_at = ?, outcome = ?, given = ?, notes = ?, recorded_by = ?,
                    updated_at = ?
                where plan_date = ? and visit_id = ? and departed_at is null""")
                .params(Timestamp.from(r.departedAt()), r.outcome().name(), r.given(), r.notes(), r.recordedBy(),
                        Timestamp.from(r.updatedAt()), java.sql.Date.valueOf(r.date()), r.visitId())
                .update() == 1;
    }

    Optional<VisitRecord> find(LocalDate day, String visitId) {
        return jdbc.sql("select * from visit_record where plan_date = ? and visit_id = ?")
                .params(java.sql.Date.valueOf(day), visitId).query((rs, n) -> record(rs)).optional();
    }

    List<VisitRecord> onDay(LocalDate day) {
        return jdbc.sql("select * from visit_record where plan_date = ? order by arrived_at, visit_id")
                .param(java.sql.Date.valueOf(day)).query((rs, n) -> record(rs)).list();
    }

    private static VisitRecord record(ResultSet rs) throws SQLException {
        Timestamp departed = rs.getTimestamp("departed_at");
        String outcome = rs.getString("outcome");
        return new VisitRecord(rs.getDate("plan_date").toLocalDate(), rs.getString("visit_id"),
                new PatientId(rs.getObject("patient_id", UUID.class)), rs.getObject("shift_id", UUID.class),
                rs.getString("staff_name"), rs.getTimestamp("arrived_at").toInstant(),
                departed == null ? null : departed.toInstant(), outcome == null ? null : VisitOutcome.valueOf(outcome),
                rs.getString("given"), rs.getString("notes"), rs.getString("recorded_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** When each of these patients' last recorded visit ended (or began, while under way). One query. */
    java.util.Map<PatientId, java.time.Instant> lastVisits(java.util.Collection<PatientId> patients) {
        java.util.Map<PatientId, java.time.Instant> last = new java.util.HashMap<>();
        jdbc.sql("""
                select patient_id, max(coalesce(departed_at, arrived_at)) as last_at from visit_record
                where patient_id = any(?) group by patient_id""")
                .param(patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(rs -> {
                    last.put(new PatientId(rs.getObject("patient_id", UUID.class)),
                            rs.getTimestamp("last_at").toInstant());
                });
        return last;
    }

    /**
     * Each of these patients' next planned visit (the lead visitor's, timed) starting after {@code after}, in the
     * newest plan version of each team for the days {@code from} to {@code to}. One query.
     */
    record NextVisit(java.time.Instant startsAt, String what) {
    }

    java.util.Map<PatientId, NextVisit> nextPlannedVisits(java.util.Collection<PatientId> patients, LocalDate from,
            LocalDate to, java.time.Instant after) {
        java.util.Map<PatientId, NextVisit> next = new java.util.HashMap<>();
        jdbc.sql("""
                select distinct on (v.patient_id) v.patient_id, v.kind, v.starts_at from planned_visit v
                join day_plan p on p.id = v.plan_id
                where v.patient_id = any(?) and p.plan_date between ? and ? and not v.assisting
                  and v.starts_at > ?
                  and p.version = (select max(q.version) from day_plan q
                                   where q.organisation_id = p.organisation_id and q.plan_date = p.plan_date)
                order by v.patient_id, v.starts_at""")
                .params(patients.stream().map(PatientId::value).toArray(UUID[]::new), java.sql.Date.valueOf(from),
                        java.sql.Date.valueOf(to), Timestamp.from(after))
                .query(rs -> {
                    next.put(new PatientId(rs.getObject("patient_id", UUID.class)),
                            new NextVisit(rs.getTimestamp("starts_at").toInstant(),
                                    org.homeward.careplan.InterventionKind.valueOf(rs.getString("kind")).label()));
                });
        return next;
    }
}
