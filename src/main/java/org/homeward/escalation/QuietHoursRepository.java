package org.homeward.escalation;

import java.sql.Time;
import java.sql.Timestamp;
import java.util.Optional;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class QuietHoursRepository {

    private final JdbcClient jdbc;

    QuietHoursRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<QuietHours> find(PatientId patient) {
        return jdbc.sql("select * from quiet_hours where patient_id = ?").param(patient.value())
                .query((rs, row) -> new QuietHours(rs.getTime("starts_at").toLocalTime(),
                        rs.getTime("ends_at").toLocalTime(), rs.getString("reason"), rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .optional();
    }

    void save(PatientId patient, QuietHours q) {
        jdbc.sql("""
                insert into quiet_hours (patient_id, starts_at, ends_at, reason, set_by, set_at) values (?, ?, ?, ?, ?, ?)
                on conflict (patient_id) do update set starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                    reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at""")
                .params(patient.value(), Time.valueOf(q.startsAt()), Time.valueOf(q.endsAt()), q.reason(), q.setBy(),
                        Timestamp.from(q.setAt()))
                .update();
    }

    boolean delete(PatientId patient) {
        return jdbc.sql("delete from quiet_hours where patient_id = ?").param(patient.value()).update() == 1;
    }
}
