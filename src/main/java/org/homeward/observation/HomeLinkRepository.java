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

    /** The patient of a link that is neither revoked nor expired at {@code now}. */
    Optional<PatientId> activePatient(String tokenHash, Instant now) {
        return jdbc.sql("select patient_id from home_link where token_hash = ? and revoked_at is null and expires_at > ?")
                .params(tokenHash, Timestamp.from(now))
                .query((rs, row) -> new PatientId(rs.getObject(1, UUID.class))).optional();
    }
}
