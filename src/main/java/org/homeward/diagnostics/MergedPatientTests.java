package org.homeward.diagnostics;

import org.homeward.shared.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's test orders, results and
 * acknowledgements to the survivor, in the merge's transaction.
 */
@Component
class MergedPatientTests {

    private final JdbcClient jdbc;

    MergedPatientTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        merged.repoint(jdbc, "test_order", "test_result", "test_result_acknowledgement");
    }
}
