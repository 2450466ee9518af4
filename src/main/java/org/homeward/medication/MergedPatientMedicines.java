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
        merged.repoint(jdbc, "allergy", "allergy_statement", "patient_weight", "prescription",
                "medicine_administration", "dose_follow_up", "medicines_reconciliation",
                "medicines_reconciliation_source", "medicines_reconciliation_entry",
                "medicines_reconciliation_decision", "medicines_reconciliation_resolution", "discharge_medicines",
                "discharge_medicine_change", "community_pharmacy_nomination", "stock_movement",
                "controlled_drug_register_entry");
    }
}
