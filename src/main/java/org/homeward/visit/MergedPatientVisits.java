package org.homeward.visit;

import org.homeward.shared.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's planned visits, urgent
 * visits and visit records to the survivor, in the merge's transaction.
 */
@Component
class MergedPatientVisits {

    private final JdbcClient jdbc;

    MergedPatientVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        move("planned_visit", merged);
        move("urgent_visit", merged);
        move("visit_record", merged);
    }

    private int move(String table, PatientsMerged merged) {
        return jdbc.sql("update " + table + " set patient_id = ? where patient_id = ?")
                .params(merged.survivor().value(), merged.retired().value()).update();
    }
}
