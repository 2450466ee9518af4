package org.homeward.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.PatientId;
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
