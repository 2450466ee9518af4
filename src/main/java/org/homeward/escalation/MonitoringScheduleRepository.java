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

    /** A set that was scored and the frequency it calls for. */
    record Entry(PatientId patient, Instant setAt, MonitoringFrequency frequency) {
    }

    /**
     * Records when each patient's next set is due, in one statement; an older set arriving late (a device backlog)
     * does not move it back. The caller holds the patients' scoring locks, so no other
     * writer touches these rows meanwhile; each patient appears once.
     */
    void recordAll(List<Entry> entries) {
        jdbc.sql("""
                insert into monitoring_schedule (patient_id, last_set_at, next_due_at, interval_minutes, basis)
                select patient_id::uuid, last_set_at, next_due_at, interval_minutes, basis
                from unnest(?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::int[], ?::text[])
                    as s(patient_id, last_set_at, next_due_at, interval_minutes, basis)
                on conflict (patient_id) do update set last_set_at = excluded.last_set_at,
                    next_due_at = excluded.next_due_at, interval_minutes = excluded.interval_minutes,
                    basis = excluded.basis, awaiting_first_set = false
                where monitoring_schedule.awaiting_first_set or excluded.last_set_at >= monitoring_schedule.last_set_at""")
                .params(entries.stream().map(e -> e.patient().value().toString()).toArray(String[]::new),
                        entries.stream().map(e -> e.setAt().toString()).toArray(String[]::new),
                        entries.stream().map(e -> e.setAt().plus(e.frequency().interval()).toString())
                                .toArray(String[]::new),
                        entries.stream().mapToInt(e -> (int) e.frequency().interval().toMinutes()).toArray(),
                        entries.stream().map(e -> e.frequency().basis()).toArray(String[]::new))
                .update();
    }

    /**
     * Starts a newly admitted patient's schedule: the first set is due {@code within} of admission, so a patient who
     * never sends one is missed. Any set that comes replaces it, even one taken before admission.
     */
    void startAtAdmission(PatientId patient, Instant admittedAt, java.time.Duration within, String basis) {
        jdbc.sql("""
                insert into monitoring_schedule (patient_id, last_set_at, next_due_at, interval_minutes, basis,
                    awaiting_first_set)
                values (?, ?, ?, ?, ?, true)
                on conflict (patient_id) do update set last_set_at = excluded.last_set_at,
                    next_due_at = excluded.next_due_at, interval_minutes = excluded.interval_minutes,
                    basis = excluded.basis, awaiting_first_set = true""")
                .params(patient.value(), Timestamp.from(admittedAt), Timestamp.from(admittedAt.plus(within)),
                        (int) within.toMinutes(), basis)
                .update();
    }

    record Due(PatientId patientId, Instant lastSetAt, Instant dueAt, int intervalMinutes, String basis) {
    }

    /** Patients whose next set is overdue, in ascending patient-id order (the order scoring locks are taken in). */
    List<PatientId> overduePatients(Instant now) {
        return jdbc.sql("select patient_id from monitoring_schedule where next_due_at < ? order by patient_id")
                .param(Timestamp.from(now))
                .query((rs, row) -> new PatientId(rs.getObject("patient_id", UUID.class))).list();
    }

    /**
     * The patient's schedule row, locked, if their next set is still overdue. Called with the patient's scoring lock
     * held, so ingest (which takes that lock before it writes the row) and this check never wait for each other in
     * opposite orders.
     */
    java.util.Optional<Due> lockIfOverdue(PatientId patient, Instant now) {
        return jdbc.sql("select * from monitoring_schedule where patient_id = ? and next_due_at < ? for update")
                .params(patient.value(), Timestamp.from(now))
                .query((rs, row) -> new Due(new PatientId(rs.getObject("patient_id", UUID.class)),
                        rs.getTimestamp("last_set_at").toInstant(), rs.getTimestamp("next_due_at").toInstant(),
                        rs.getInt("interval_minutes"), rs.getString("basis")))
                .optional();
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
