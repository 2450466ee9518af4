package org.homeward.careplan;

import java.time.Clock;
import java.time.LocalDate;
import org.homeward.referral.PatientDischarged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Discharge ends the patient's interventions, in the discharge's own transaction: every intervention still going on
 * ends on the day of discharge, so no visits are due for it after that. The visit module takes the patient's visits
 * after discharge off the day plans.
 */
@Component
class DischargedPatientInterventions {

    private final InterventionRepository interventions;
    private final Clock clock;

    DischargedPatientInterventions(InterventionRepository interventions, Clock clock) {
        this.interventions = interventions;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientDischarged discharged) {
        LocalDate lastDay = discharged.dischargedAt().atZone(clock.getZone()).toLocalDate();
        interventions.endAll(discharged.patientId(), lastDay, discharged.dischargedBy(), clock.instant());
    }
}
