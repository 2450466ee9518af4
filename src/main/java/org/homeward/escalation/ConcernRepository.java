package org.homeward.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Concerns raised by patients and carers, in their own words, each with the alert it raised. */
@Repository
class ConcernRepository {

    private final JdbcClient jdbc;

    ConcernRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, PatientId patient, UUID alertId, String words, Instant at) {
        jdbc.sql("insert into patient_concern (id, patient_id, alert_id, words, raised_at) values (?, ?, ?, ?, ?)")
                .params(id, patient.value(), alertId, words, Timestamp.from(at)).update();
    }
}
