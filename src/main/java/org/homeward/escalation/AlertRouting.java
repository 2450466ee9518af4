package org.homeward.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.homeward.notification.Message;
import org.homeward.notification.NotificationFailed;
import org.homeward.notification.NotificationService;
import org.homeward.notification.Recipient;
import org.homeward.referral.ReferralService;
import org.homeward.rota.OnCallTier;
import org.homeward.rota.RotaService;
import org.homeward.shared.WardId;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who an alert is with, and telling them. A raised alert is placed for the hour (out of hours straight to the
 * out-of-hours cover) and the people on call for its tier are told; so are those of each tier it climbs or is handed
 * back to. A tier with nobody on the rota passes the message up to the next tier that has someone, ending with the
 * patient's accountable consultant, so a message always reaches a person.
 */
@Component
class AlertRouting {

    private final AlertRepository repository;
    private final RotaService rota;
    private final NotificationService notifications;
    private final ReferralService referrals;
    private final WardService wards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertRouting(AlertRepository repository, RotaService rota, NotificationService notifications,
            ReferralService referrals, WardService wards, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.rota = rota;
        this.notifications = notifications;
        this.referrals = referrals;
        this.wards = wards;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the ward is in its operating hours at {@code now}, in the service's time zone. */
    boolean inOperatingHours(WardId wardId, Instant now) {
        if (wardId == null) {
            return true;
        }
        return wards.ward(wardId).isOpenAt(now.atZone(clock.getZone()).toLocalTime());
    }

    /** A new or newly worse alert, in the transaction that raised it: placed for the hour, then its tier told. */
    @EventListener
    @Transactional
    void on(AlertRaised raised) {
        Alert alert = repository.findForUpdate(raised.alertId()).orElse(null);
        if (alert == null) {
            return; // announced but not stored (a board-only test event): nobody to tell
        }
        Instant now = clock.instant();
        if (alert.placeForHours(inOperatingHours(raised.wardId(), now), now)) {
            repository.update(alert);
        }
        AlertView view = alert.view();
        List<Recipient> told = tell(view, view.severity().name().charAt(0) + view.severity().name().substring(1)
                .toLowerCase() + " alert: new, not yet acknowledged", now);
        if (view.kind() == AlertKind.CRITICAL_RESULT) {
            tellAccountableToo(view, told, now);
        }
    }

    /**
     * A critical result goes to the patient's accountable clinician as well as to the tier on call (issue 13: a
     * critical result raises an alert to the accountable clinician), unless they were already told.
     */
    private void tellAccountableToo(AlertView alert, List<Recipient> told, Instant now) {
        List<Recipient> accountable = onCall(alert, AlertTier.ACCOUNTABLE_CONSULTANT, now).stream()
                .filter(r -> told.stream().noneMatch(t -> t.id().equals(r.id()))).toList();
        if (accountable.isEmpty()) {
            return;
        }
        String ward = alert.wardId() == null ? "no ward" : wards.ward(alert.wardId()).name();
        notifications.notify(accountable, new Message(alert.id(), alert.severity() + " alert, " + ward
                + ": critical result for your patient", (alert.reason() == null ? "" : alert.reason() + ". ")
                + "You are the accountable clinician. It is with: " + alert.tier().label() + ". Open the alert board"
                + " and act on it.", null, alert.wardId() == null ? "/alerts" : "/alerts?wardId="
                        + alert.wardId().value()));
    }

    /** A message about an alert could not be sent: the alert goes to the next tier now, and that tier is told. */
    @EventListener
    @Transactional
    void on(NotificationFailed failed) {
        if (failed.alertId() == null) {
            return;
        }
        Optional<Alert> found = repository.findForUpdate(failed.alertId());
        if (found.isEmpty()) {
            return;
        }
        Alert alert = found.get();
        Instant now = clock.instant();
        if (alert.climb(inOperatingHours(alert.view().wardId(), now), now)) {
            repository.update(alert);
            AlertView view = alert.view();
            events.publishEvent(new AlertChanged(view.id(), view.wardId(), view.status()));
            tell(view, "Escalated to you: the " + failed.channel().label().toLowerCase() + " to "
                    + failed.recipientName() + " could not be sent", now);
        }
    }

    /**
     * Tells the people on call for the alert's tier now (or the next tier up with someone on call).
     *
     * @return who was told (none when nobody is on call at any tier)
     */
    List<Recipient> tell(AlertView alert, String why, Instant now) {
        List<Recipient> recipients = new ArrayList<>();
        String tierLabel = alert.tier().label();
        AlertTier tier = alert.tier();
        boolean inHours = inOperatingHours(alert.wardId(), now);
        while (recipients.isEmpty()) {
            recipients.addAll(onCall(alert, tier, now));
            AlertTier next = tier.next(inHours);
            if (!recipients.isEmpty() || next == tier) {
                break;
            }
            tier = next;
        }
        if (recipients.isEmpty()) {
            return recipients;
        }
        String ward = alert.wardId() == null ? "no ward" : wards.ward(alert.wardId()).name();
        String subject = alert.severity() + " alert, " + ward + ": " + why;
        String body = (alert.reason() == null ? "" : alert.reason() + ". ") + "It is with: " + tierLabel
                + (tier != alert.tier() ? " (nobody on call for that tier, so you, " + tier.label() + ")" : "")
                + ". Status: " + alert.status().name().toLowerCase() + ". Open the alert board and act on it.";
        notifications.notify(recipients, new Message(alert.id(), subject, body, null,
                alert.wardId() == null ? "/alerts" : "/alerts?wardId=" + alert.wardId().value()));
        return recipients;
    }

    private List<Recipient> onCall(AlertView alert, AlertTier tier, Instant now) {
        if (tier == AlertTier.ACCOUNTABLE_CONSULTANT) {
            return referrals.openAdmission(alert.patientId())
                    .map(a -> List.of(new Recipient(a.accountableClinicianId(), a.accountableClinicianName())))
                    .orElse(List.of());
        }
        if (alert.wardId() == null) {
            return List.of();
        }
        return rota.onCall(alert.wardId(), OnCallTier.valueOf(tier.name()), now).stream()
                .map(entry -> new Recipient(entry.userId(), entry.userName())).toList();
    }
}
