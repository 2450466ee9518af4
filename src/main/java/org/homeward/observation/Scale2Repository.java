package org.homeward.observation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Scale2Repository {

    private final JdbcClient jdbc;

    Scale2Repository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Scale2Decision d) {
        jdbc.sql("""
                insert into spo2_scale_decision (id, patient_id, reason, documented_by, documented_at)
                values (?, ?, ?, ?, ?)""")
                .params(d.id(), d.patientId().value(), d.reason(), d.documentedBy(), Timestamp.from(d.documentedAt()))
                .update();
    }

    /** Ends the active decision; false when there was none (or a concurrent request ended it first). */
    boolean end(PatientId patient, String endedBy, Instant endedAt, String reason) {
        return jdbc.sql("""
                update spo2_scale_decision set ended_by = ?, ended_at = ?, end_reason = ?
                where patient_id = ? and ended_at is null""")
                .params(endedBy, Timestamp.from(endedAt), reason, patient.value()).update() == 1;
    }

    Optional<Scale2Decision> active(PatientId patient) {
        return jdbc.sql("select * from spo2_scale_decision where patient_id = ? and ended_at is null")
                .param(patient.value()).query(Scale2Repository::decision).optional();
    }

    /** Every decision for the patient, newest first. */
    List<Scale2Decision> history(PatientId patient) {
        return jdbc.sql("select * from spo2_scale_decision where patient_id = ? order by documented_at desc")
                .param(patient.value()).query(Scale2Repository::decision).list();
    }

    /** The decisions of these patients that were in force at or after {@code from}: enough to score sets since then. */
    List<Scale2Decision> inForceSince(Collection<UUID> patients, Instant from) {
        return jdbc.sql("""
                select * from spo2_scale_decision where patient_id = any(?) and (ended_at is null or ended_at > ?)""")
                .params(patients.toArray(UUID[]::new), Timestamp.from(from))
                .query(Scale2Repository::decision).list();
    }

    private static Scale2Decision decision(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Scale2Decision(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getString("reason"), rs.getString("documented_by"), rs.getTimestamp("documented_at").toInstant(),
                rs.getString("ended_by"), ended == null ? null : ended.toInstant(), rs.getString("end_reason"));
    }
}
