package org.homeward.fhir;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.homeward.referral.PatientDischarged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues the stay's virtual-ward summary in the discharge's own transaction (no discharge without its summary to
 * come); {@link VirtualWardSummaryPublisher} makes it. Making it needs the UK Core validator and a PDF, seconds of
 * work a discharge should not wait for.
 */
@Component
class VirtualWardSummaryQueue {

    private final JdbcClient jdbc;
    private final Clock clock;

    VirtualWardSummaryQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientDischarged discharged) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into virtual_ward_summary (admission_id, document_id, patient_id, discharged_by, queued_at,
                    status, next_attempt_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?) on conflict (admission_id) do nothing""")
                .params(discharged.admissionId().value(),
                        VirtualWardSummaryBuilder.documentId(discharged.admissionId()), discharged.patientId().value(),
                        discharged.dischargedBy(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }
}
