package org.homeward.escalation;

import java.time.Clock;
import java.time.Instant;
import org.homeward.medication.TimeCriticalDoseMissed;
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
 * A time-critical dose missed raises an alert for the patient, in the late-dose check's own transaction (a dose marked
 * missed always has its alert): a new HIGH alert, or the open alert raised again at least to HIGH with the dose first
 * in its reason. {@link AlertRaised} then takes it to the tier on call and, where nobody is, up to the accountable
 * consultant, as every other alert.
 */
@Component
class MissedDoseAlerts {

    private static final RecordAccessed.Actor MEDICINES = new RecordAccessed.Actor("late-dose-check", null,
            "Homeward (late-dose check)", "SYSTEM");

    private final AlertRepository alerts;
    private final ObservationService observations;
    private final ReferralService referrals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MissedDoseAlerts(AlertRepository alerts, ObservationService observations, ReferralService referrals,
            ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.observations = observations;
        this.referrals = referrals;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TimeCriticalDoseMissed result) {
        // the scoring lock first, then the alert row: the order ingest takes them in
        observations.lockPatientForScoring(result.patientId());
        EscalationRule rule = EscalationRule.forMissedDose(result.words());
        Instant now = clock.instant();
        Alert alert = alerts.findOpenForUpdate(result.patientId()).orElse(null);
        if (alert == null) {
            alert = Alert.missedDose(result.patientId(), referrals.currentWard(result.patientId()).orElse(null),
                    rule, now);
            alerts.insert(alert);
        } else {
            alert.raiseForMissedDose(rule, now);
            alerts.update(alert);
        }
        AlertView view = alert.view();
        events.publishEvent(RecordAccessed.created(MEDICINES, AuditedRecord.ALERT, view.id(), result.patientId(),
                "raised a " + view.severity() + " alert for a missed time-critical dose"));
        events.publishEvent(new AlertRaised(view.id(), result.patientId(), view.wardId(), view.severity()));
    }
}
