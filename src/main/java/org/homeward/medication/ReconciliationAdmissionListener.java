package org.homeward.medication;

import org.homeward.referral.PatientAdmitted;
import org.homeward.referral.PatientDischarged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admission starts the patient's medicines reconciliation and its 24-hour clock and task; discharge closes one not yet
 * verified as not completed before discharge and cancels its task. Both in the admission's or discharge's own
 * transaction: no admission without its reconciliation.
 */
@Component
class ReconciliationAdmissionListener {

    private final ReconciliationService reconciliations;

    ReconciliationAdmissionListener(ReconciliationService reconciliations) {
        this.reconciliations = reconciliations;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientAdmitted admitted) {
        reconciliations.startAtAdmission(admitted.patientId(), admitted.admissionId(), admitted.admittedAt(),
                admitted.accountableClinicianId());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientDischarged discharged) {
        reconciliations.closeAtDischarge(discharged.admissionId(), discharged.dischargedBy());
    }
}
