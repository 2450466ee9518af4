package org.homeward.referral;

import java.time.Instant;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.WardId;

/**
 * A referral was still awaiting triage when its target passed ({@link Urgency#triageDueAt}); published once per
 * referral by the triage clock, for escalation or notification to tell the ward's senior decision-maker.
 */
public record TriageOverdue(ReferralId referralId, PatientId patientId, WardId wardId, Urgency urgency,
        Instant referredAt, Instant dueAt, Instant noticedAt) {
}
