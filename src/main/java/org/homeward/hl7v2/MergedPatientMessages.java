package org.homeward.hl7v2;

import org.homeward.shared.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's ADT messages, received and
 * waiting to be sent, to the survivor, in the merge's transaction: the message search by patient finds them there,
 * and an outbound message still waiting keeps its place in the survivor's queue (each message as it was written).
 */
@Component
class MergedPatientMessages {

    private final JdbcClient jdbc;

    MergedPatientMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        merged.repoint(jdbc, "hl7_message", "hl7_outbound");
    }
}
