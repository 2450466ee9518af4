package org.homeward.observation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HomeLinkRepository {

    private final JdbcClient jdbc;

    HomeLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, PatientId patient, String createdBy, Instant createdAt, Instant expiresAt) {
        jdbc.sql("insert into home_link (token_hash, patient_id, created_by, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(tokenHash, patient.value(), createdBy, Timestamp.from(createdAt), Timestamp.from(expiresAt))
                .update();
    }

    /** Revokes every active link of the patient; how many were active. */
    int revokeAll(PatientId patient, String by, String reason, Instant at) {
        return jdbc.sql("""
                update home_link set revoked_at = ?, revoked_by = ?, revoked_reason = ?
                where patient_id = ? and revoked_at is null""")
                .params(Timestamp.from(at), by, reason, patient.value()).update();
    }

    /** The patient's newest link that is neither revoked nor expired: when it was issued, by whom, until when. */
    Optional<HomeLinkService.ActiveLink> newestActive(PatientId patient, Instant now) {
        return jdbc.sql("""
                select created_by, created_at, expires_at from home_link
                where patient_id = ? and revoked_at is null and expires_at > ? order by created_at desc limit 1""")
                .params(patient.value(), Timestamp.from(now))
                .query((rs, row) -> new HomeLinkService.ActiveLink(rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** The patient of a link that is neither revoked nor expired at {@code now}. */
    Optional<PatientId> activePatient(String tokenHash, Instant now) {
        return jdbc.sql("select patient_id from home_link where token_hash = ? and revoked_at is null and expires_at > ?")
                .params(tokenHash, Timestamp.from(now))
                .query((rs, row) -> new PatientId(rs.getObject(1, UUID.class))).optional();
    }
}
