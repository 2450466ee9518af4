package org.homeward.medication;

import org.homeward.referral.PatientDischarged;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discharge fixes the medicine changes of the stay as the discharge medicines record of the admission. As every
 * listener to {@link PatientDischarged} in Homeward (reconciliation, visits, interventions, home links, monitoring), in
 * the discharge's own transaction: the record commits with the discharge or neither does, so the event cannot be lost
 * between them (Homeward keeps no event publication log; this is the pattern the codebase uses for what must not be
 * lost). Ordered last, so it sees the stay as the other listeners leave it.
 */
@Component
class DischargeMedicinesListener {

    private final DischargeMedicinesService dischargeMedicines;

    DischargeMedicinesListener(DischargeMedicinesService dischargeMedicines) {
        this.dischargeMedicines = dischargeMedicines;
    }

    @EventListener
    @Order(Integer.MAX_VALUE)
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientDischarged discharged) {
        dischargeMedicines.fixAtDischarge(discharged);
    }
}
