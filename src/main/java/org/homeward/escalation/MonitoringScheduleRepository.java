package org.homeward.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MonitoringScheduleRepository {

    private final JdbcClient jdbc;

    MonitoringScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records when the next set is due; an older set arriving late (a device backlog) does not move it back. */
    void record(PatientId patient, Instant setAt, MonitoringFrequency frequency) {
        jdbc.sql("""
                insert into monitoring_schedule (patient_id, last_set_at, next_due_at, interval_minutes, basis)
                values (?, ?, ?, ?, ?)
                on conflict (patient_id) do update set last_set_at = excluded.last_set_at,
                    next_due_at = excluded.next_due_at, interval_minutes = excluded.interval_minutes,
                    basis = excluded.basis
                where excluded.last_set_at >= monitoring_schedule.last_set_at""")
                .params(patient.value(), Timestamp.from(setAt), Timestamp.from(setAt.plus(frequency.interval())),
                        (int) frequency.interval().toMinutes(), frequency.basis())
                .update();
    }

    record Due(PatientId patientId, Instant lastSetAt, Instant dueAt, int intervalMinutes, String basis) {
    }

    List<Due> overdue(Instant now) {
        return jdbc.sql("select * from monitoring_schedule where next_due_at < ? for update skip locked")
                .param(Timestamp.from(now))
                .query((rs, row) -> new Due(new PatientId(rs.getObject("patient_id", UUID.class)),
                        rs.getTimestamp("last_set_at").toInstant(), rs.getTimestamp("next_due_at").toInstant(),
                        rs.getInt("interval_minutes"), rs.getString("basis")))
                .list();
    }

    /** After a missed-reading alert, the next reminder comes one interval later if the set still has not come. */
    void postpone(PatientId patient, Instant until) {
        jdbc.sql("update monitoring_schedule set next_due_at = ? where patient_id = ?")
                .params(Timestamp.from(until), patient.value()).update();
    }

    void forget(PatientId patient) {
        jdbc.sql("delete from monitoring_schedule where patient_id = ?").param(patient.value()).update();
    }
}
