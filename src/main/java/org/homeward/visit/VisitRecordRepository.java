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
}
