package org.homeward.referral;

import java.time.Instant;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.WardId;

/**
 * An accepted step-down referral's patient has left the acute ward (the hospital's A03, not cancelled since): the
 * referral is ready to admit. Published once each time the referral becomes ready (the A03 recorded on an accepted
 * referral, or the referral accepted after the A03 was recorded), in that transaction; a repeated A03 does not publish
 * it again. The task module raises the ward's coordinators' task to plan the first visit from it.
 *
 * @param leftAcuteWardAt when the patient left the acute ward, as the hospital said (PV1-45)
 */
public record StepDownReadyToAdmit(ReferralId referralId, PatientId patientId, WardId wardId,
        Instant leftAcuteWardAt) {
}
