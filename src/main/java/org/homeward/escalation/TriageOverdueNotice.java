package org.homeward.escalation;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.homeward.notification.Message;
import org.homeward.notification.NotificationService;
import org.homeward.notification.Recipient;
import org.homeward.referral.TriageOverdue;
import org.homeward.rota.OnCallTier;
import org.homeward.rota.RotaService;
import org.homeward.ward.WardService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A referral still waiting for triage past its target ({@link TriageOverdue}, once per referral) is a patient nobody
 * senior has yet judged safe at home (KLoE 3.1): the ward's on-call senior is told, or, with no senior on the rota,
 * the nurse in charge and then the out-of-hours contact. Like alert messages, it names no patient: the link leads to
 * the referral list, which the reader opens signed in.
 */
@Component
class TriageOverdueNotice {

    /** Who is told, in this order: the first tier with someone on call now. */
    static final List<OnCallTier> TIERS = List.of(OnCallTier.ON_CALL_SENIOR, OnCallTier.NURSE_IN_CHARGE,
            OnCallTier.OUT_OF_HOURS_CONTACT);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final RotaService rota;
    private final NotificationService notifications;
    private final WardService wards;
    private final Clock clock;

    TriageOverdueNotice(RotaService rota, NotificationService notifications, WardService wards, Clock clock) {
        this.rota = rota;
        this.notifications = notifications;
        this.wards = wards;
        this.clock = clock;
    }

    /** In the triage clock's transaction: the message is stored with the notice, or neither is. */
    @EventListener
    void on(TriageOverdue overdue) {
        List<Recipient> recipients = TIERS.stream()
                .map(tier -> rota.onCall(overdue.wardId(), tier, overdue.noticedAt()).stream()
                        .map(entry -> new Recipient(entry.userId(), entry.userName())).toList())
                .filter(people -> !people.isEmpty()).findFirst().orElse(List.of());
        if (recipients.isEmpty()) {
            return; // nobody on the rota: the overdue list on the referrals page is the remaining warning
        }
        ZoneId zone = clock.getZone();
        String ward = wards.ward(overdue.wardId()).name();
        String subject = "Referral waiting for triage past its target, " + ward;
        String body = "A referral (" + overdue.urgency().label() + ") made at "
                + TIME.format(overdue.referredAt().atZone(zone)) + " was due for triage by "
                + TIME.format(overdue.dueAt().atZone(zone)) + " and is still waiting. Open the referrals and triage it.";
        notifications.notify(recipients, new Message(null, subject, body, null, "/referrals"));
    }
}
