package org.homeward.observation;

import org.homeward.shared.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's observations, home links
 * and SpO2 Scale 2 decisions to the survivor, in the merge's transaction: every set is then scored and charted with
 * the survivor's. Only one Scale 2 decision may be in force: if both records have one, the survivor's stands and the
 * retired record's is ended (kept, with the merge as the reason).
 */
@Component
class MergedPatientObservations {

    private final JdbcClient jdbc;

    MergedPatientObservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        merged.repoint(jdbc, "observation_reading", "home_link");
        jdbc.sql("""
                update spo2_scale_decision set ended_at = greatest(?, documented_at), ended_by = ?, end_reason = ?
                where patient_id = ? and ended_at is null
                  and exists (select 1 from spo2_scale_decision s where s.patient_id = ? and s.ended_at is null)""")
                .params(java.sql.Timestamp.from(merged.mergedAt()), merged.by().organisationName() == null
                        ? merged.by().username() : merged.by().username() + " (" + merged.by().organisationName() + ")",
                        "duplicate record merged into the surviving record, whose own Scale 2 decision stands ("
                                + merged.source() + ")",
                        merged.retired().value(), merged.survivor().value()).update();
        merged.repoint(jdbc, "spo2_scale_decision");
    }
}
