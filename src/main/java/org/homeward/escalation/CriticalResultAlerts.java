package org.homeward.escalation;

import java.time.Clock;
import java.time.Instant;
import org.homeward.diagnostics.CriticalResultReceived;
import org.homeward.observation.ObservationService;
import org.homeward.referral.ReferralService;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.RecordAccessed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A critical test result raises an alert for the patient, in the result's own transaction (a committed critical
 * result always has its alert): a new HIGH alert, or the open alert raised again at least to HIGH with the result first
 * in its reason. {@link AlertRaised} then takes it to the tier on call and, where nobody is, up to the accountable
 * consultant, as every other alert.
 */
@Component
class CriticalResultAlerts {

    private static final RecordAccessed.Actor DIAGNOSTICS = new RecordAccessed.Actor("critical-result", null,
            "Homeward (critical result)", "SYSTEM");

    private final AlertRepository alerts;
    private final ObservationService observations;
    private final ReferralService referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CriticalResultAlerts(AlertRepository alerts, ObservationService observations, ReferralService referrals,
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
        // the scoring lock first, then the alert row: the order ingest takes them in
        observations.lockPatientForScoring(result.patientId());
        EscalationRule rule = EscalationRule.forCriticalResult(result.words());
        Instant now = clock.instant();
        Alert alert = alerts.findOpenForUpdate(result.patientId()).orElse(null);
        if (alert == null) {
            alert = Alert.criticalResult(result.patientId(), referrals.currentWard(result.patientId()).orElse(null),
                    rule, now);
            alerts.insert(alert);
        } else {
            alert.raiseForCriticalResult(rule, now);
            alerts.update(alert);
        }
        AlertView view = alert.view();
        events.publishEvent(RecordAccessed.created(DIAGNOSTICS, AuditedRecord.ALERT, view.id(), result.patientId(),
                "raised a " + view.severity() + " alert for a critical result"));
        events.publishEvent(new AlertRaised(view.id(), result.patientId(), view.wardId(), view.severity()));
    }
}
