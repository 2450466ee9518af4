package org.homeward.referral;

import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.WardId;

/** A senior decision-maker accepted or declined a referral. */
public record ReferralTriaged(ReferralId referralId, PatientId patientId, WardId wardId, ReferralStatus outcome) {
}
