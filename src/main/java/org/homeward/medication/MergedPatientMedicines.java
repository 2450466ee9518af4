package org.homeward.medication;

import org.homeward.shared.PatientsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's allergies, statements of
 * no known allergies, weights, prescriptions, doses given, follow-ups, reconciliations, discharge medicines, pharmacy
 * nominations and stock and controlled drug register entries to the survivor, in the merge's transaction. An allergy
 * from either record outranks a statement of no known allergies from the other: the banner reads 'has allergies'
 * whenever one is in force ({@link AllergyService#allergiesOf}).
 */
@Component
class MergedPatientMedicines {

    private final JdbcClient jdbc;

    MergedPatientMedicines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        move("allergy", merged);
        move("allergy_statement", merged);
        move("patient_weight", merged);
        move("prescription", merged);
        move("medicine_administration", merged);
        move("dose_follow_up", merged);
        move("medicines_reconciliation", merged);
        move("medicines_reconciliation_source", merged);
        move("medicines_reconciliation_entry", merged);
        move("medicines_reconciliation_decision", merged);
        move("medicines_reconciliation_resolution", merged);
        move("discharge_medicines", merged);
        move("discharge_medicine_change", merged);
        move("community_pharmacy_nomination", merged);
        move("stock_movement", merged);
        move("controlled_drug_register_entry", merged);
    }

    private int move(String table, PatientsMerged merged) {
        return jdbc.sql("update " + table + " set patient_id = ? where patient_id = ?")
                .params(merged.survivor().value(), merged.retired().value()).update();
    }
}
