package org.homeward.fhir;

import org.homeward.shared.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's published virtual-ward
 * summaries and Flag deliveries to the survivor, in the merge's transaction.
 */
@Component
class MergedPatientSummaries {

    private final JdbcClient jdbc;

    MergedPatientSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        move("virtual_ward_summary", merged);
        move("fhir_flag_delivery", merged);
    }

    private int move(String table, PatientsMerged merged) {
        return jdbc.sql("update " + table + " set patient_id = ? where patient_id = ?")
                .params(merged.survivor().value(), merged.retired().value()).update();
    }
}
