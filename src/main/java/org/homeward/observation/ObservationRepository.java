package org.homeward.observation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Repository;

@Repository
class ObservationRepository {

    private final JdbcTemplate jdbc;

    ObservationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the readings in one batch; a reading whose client id this submitter already sent is skipped.
     *
     * @return for each reading, whether it was newly stored
     */
    boolean[] insertAll(List<IncomingReading> readings, ObservationSource source, String receivedBy, Instant receivedAt) {
        int[][] counts = jdbc.batchUpdate("""
                insert into observation_reading (id, patient_id, source, client_id, device_id, parameter, numeric_value,
                    code_value, recorded_at, received_at, received_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (received_by, client_id) where client_id is not null do nothing""",
                readings, 1000, (ps, r) -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, r.patientId());
                    ps.setString(3, source.name());
                    ps.setString(4, r.id());
                    ps.setString(5, r.deviceId());
                    ps.setString(6, r.parameter().name());
                    ps.setObject(7, r.value());
                    ps.setString(8, r.code());
                    ps.setTimestamp(9, Timestamp.from(r.recordedAt()));
                    ps.setTimestamp(10, Timestamp.from(receivedAt));
                    ps.setString(11, receivedBy);
                });
        boolean[] stored = new boolean[readings.size()];
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                stored[i++] = count > 0;
            }
        }
        return stored;
    }

    /** The patient's readings taken within the set window before their newest reading. */
    List<Reading> currentReadings(PatientId patient) {
        return jdbc.query("""
                select parameter, numeric_value, code_value, recorded_at from observation_reading
                where patient_id = ? and recorded_at >= (
                    select max(recorded_at) - make_interval(mins => ?) from observation_reading where patient_id = ?)""",
                (rs, row) -> new Reading(ObservationParameter.valueOf(rs.getString("parameter")),
                        (Double) rs.getObject("numeric_value"), rs.getString("code_value"),
                        rs.getTimestamp("recorded_at").toInstant()),
                patient.value(), (int) ObservationSet.WINDOW.toMinutes(), patient.value());
    }

    /** The patient's readings recorded since {@code from}, oldest first. */
    List<Reading> readingsSince(PatientId patient, Instant from) {
        return jdbc.query("""
                select parameter, numeric_value, code_value, recorded_at from observation_reading
                where patient_id = ? and recorded_at >= ? order by recorded_at""",
                (rs, row) -> new Reading(ObservationParameter.valueOf(rs.getString("parameter")),
                        (Double) rs.getObject("numeric_value"), rs.getString("code_value"),
                        rs.getTimestamp("recorded_at").toInstant()),
                patient.value(), Timestamp.from(from));
    }

    /** Holds until the transaction ends; concurrent transactions scoring the same patient wait for each other. */
    void lockPatientForScoring(PatientId patient) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> null, "observation:" + patient.value());
    }
}
