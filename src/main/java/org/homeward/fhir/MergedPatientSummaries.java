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
        merged.repoint(jdbc, "virtual_ward_summary", "fhir_flag_delivery");
    }
}
