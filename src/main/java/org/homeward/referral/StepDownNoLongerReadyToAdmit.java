package org.homeward.referral;

import java.time.Instant;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.WardId;

/**
 * A step-down referral that was ready to admit is not any more: the acute hospital cancelled the patient's leaving
 * (A13) or reported them back on an acute ward (A01 or A02). Published in that transaction, so the task raised by
 * {@link StepDownReadyToAdmit} is cancelled with the reason.
 *
 * @param why what the hospital said, in words, with when (for the cancelled task's reason)
 * @param occurredAt when it happened in the hospital
 */
public record StepDownNoLongerReadyToAdmit(ReferralId referralId, PatientId patientId, WardId wardId, String why,
        Instant occurredAt) {
}
