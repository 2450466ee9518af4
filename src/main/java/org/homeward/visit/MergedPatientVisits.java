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
        merged.repoint(jdbc, "planned_visit", "urgent_visit", "visit_record");
    }
}
