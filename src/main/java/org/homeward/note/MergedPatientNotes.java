package org.homeward.note;

import org.homeward.shared.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's clinical notes (with their
 * earlier versions, which hang off the note) to the survivor, in the merge's transaction.
 */
@Component
class MergedPatientNotes {

    private final JdbcClient jdbc;

    MergedPatientNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        merged.repoint(jdbc, "clinical_note");
    }
}
