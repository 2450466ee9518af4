package org.homeward.task;

import org.homeward.shared.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the tasks about the retired record to the
 * survivor, in the merge's transaction; open ones stay open, on the survivor's worklists.
 */
@Component
class MergedPatientTasks {

    private final JdbcClient jdbc;

    MergedPatientTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        merged.repoint(jdbc, "task");
    }
}
