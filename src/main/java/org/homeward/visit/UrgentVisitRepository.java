package org.homeward.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UrgentVisitRepository {

    private final JdbcClient jdbc;

    UrgentVisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UrgentVisit v) {
        jdbc.sql("""
                insert into urgent_visit (id, patient_id, plan_date, kind, description, duration_minutes, skill,
                    earliest_start, latest_start, reason, alert_id, requested_by, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.id(), v.patientId().value(), java.sql.Date.valueOf(v.date()), v.kind().name(),
                        v.description(), (int) v.duration().toMinutes(), v.skill().name(),
                        Timestamp.from(v.earliestStart()), Timestamp.from(v.latestStart()), v.reason(), v.alertId(),
                        v.requestedBy(), Timestamp.from(v.requestedAt()))
                .update();
    }

    /** Serialises urgent-visit requests for one patient, so two asked at once cannot both pass the duplicate check. */
    void lockPatient(PatientId patient) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("urgent-visit:" + patient.value())
                .query(rs -> { });
    }

    /**
     * The patient's urgent visits whose window overlaps this one and that nobody has finished yet (no departure
     * recorded for them), oldest first.
     */
    List<UrgentVisit> openOverlapping(PatientId patient, java.time.Instant earliest, java.time.Instant latest) {
        return jdbc.sql("""
                select u.* from urgent_visit u
                where u.patient_id = ? and u.earliest_start < ? and u.latest_start > ?
                  and not exists (select 1 from visit_record r where r.plan_date = u.plan_date
                                  and r.visit_id = 'urgent/' || u.id::text and r.departed_at is not null)
                order by u.requested_at, u.id""")
                .params(patient.value(), Timestamp.from(latest), Timestamp.from(earliest))
                .query((rs, n) -> urgent(rs)).list();
    }

    List<UrgentVisit> onDay(LocalDate day) {
        return jdbc.sql("select * from urgent_visit where plan_date = ? order by requested_at, id")
                .param(java.sql.Date.valueOf(day)).query((rs, n) -> urgent(rs)).list();
    }

    private static UrgentVisit urgent(ResultSet rs) throws SQLException {
        return new UrgentVisit(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getDate("plan_date").toLocalDate(), InterventionKind.valueOf(rs.getString("kind")),
                rs.getString("description"), Duration.ofMinutes(rs.getInt("duration_minutes")),
                Skill.valueOf(rs.getString("skill")), rs.getTimestamp("earliest_start").toInstant(),
                rs.getTimestamp("latest_start").toInstant(), rs.getString("reason"),
                rs.getObject("alert_id", UUID.class), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant());
    }
}
