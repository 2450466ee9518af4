package org.homeward.escalation;

import java.time.Clock;
import java.time.Instant;
import org.homeward.diagnostics.CriticalResultReceived;
import org.homeward.medication.TimeCriticalDoseMissed;
import org.homeward.observation.ObservationService;
import org.homeward.referral.ReferralService;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A critical test result or a missed time-critical dose raises an alert for the patient, in the transaction that
 * recorded it (a committed critical result, or a dose marked missed, always has its alert): a new HIGH alert, or the
 * open alert raised again at least to HIGH with the result or the dose first in its reason. {@link AlertRaised} then
 * takes it to the tier on call and, where nobody is, up to the accountable consultant, as every other alert.
 */
@Component
class CriticalEventAlerts {

    private static final RecordAccessed.Actor DIAGNOSTICS = new RecordAccessed.Actor("critical-result", null,
            "Homeward (critical result)", "SYSTEM");
    private static final RecordAccessed.Actor MEDICINES = new RecordAccessed.Actor("late-dose-check", null,
            "Homeward (late-dose check)", "SYSTEM");

    private final AlertRepository alerts;
    private final ObservationService observations;
    private final ReferralService referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CriticalEventAlerts(AlertRepository alerts, ObservationService observations, ReferralService referrals,
            ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.observations = observations;
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CriticalResultReceived result) {
        raise(result.patientId(), AlertKind.CRITICAL_RESULT, EscalationRule.forCriticalResult(result.words()),
                DIAGNOSTICS, "a critical result");
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TimeCriticalDoseMissed dose) {
        raise(dose.patientId(), AlertKind.MISSED_DOSE, EscalationRule.forMissedDose(dose.words()), MEDICINES,
                "a missed time-critical dose");
    }

    private void raise(PatientId patient, AlertKind kind, EscalationRule rule, RecordAccessed.Actor by,
            String forWhat) {
        // the scoring lock first, then the alert row: the order ingest takes them in
        observations.lockPatientForScoring(patient);
        Instant now = clock.instant();
        Alert alert = alerts.findOpenForUpdate(patient).orElse(null);
        if (alert == null) {
            alert = Alert.raisedBy(kind, patient, referrals.currentWard(patient).orElse(null), rule, now);
            alerts.insert(alert);
        } else {
            alert.raiseAgain(rule, kind, now);
            alerts.update(alert);
        }
        AlertView view = alert.view();
        events.publishEvent(RecordAccessed.created(by, AuditedRecord.ALERT, view.id(), patient,
                "raised a " + view.severity() + " alert for " + forWhat));
        events.publishEvent(new AlertRaised(view.id(), patient, view.wardId(), view.severity()));
    }
}
