package org.homeward.demo;

import java.time.Instant;
import java.util.Set;
import org.homeward.referral.CreateReferral;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralDirection;
import org.homeward.referral.ReferralSource;
import org.homeward.referral.Urgency;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;

/** A referral to make, by the demo user {@code referrer}, who also registers the patient. */
record ReferralPlan(DemoWard ward, String referrer, ReferralDirection direction, ReferralSource source,
        String presentingCondition, String reason, Set<Intervention> interventions, Urgency urgency,
        String inpatientWard, String inpatientConsultant, Instant referredAt) {

    CreateReferral command(PatientId patient, WardId wardId) {
        return new CreateReferral(patient, wardId, direction, source, presentingCondition, reason, interventions,
                urgency, inpatientWard, inpatientConsultant, referredAt);
    }
}
