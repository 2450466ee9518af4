package org.homeward.referral;

import java.time.Instant;
import java.util.Set;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/** A referral as people read it, with its triage decision once made. */
public record ReferralView(ReferralId id, PatientId patientId, WardId wardId, ReferralDirection direction,
        ReferralSource source, String presentingCondition, String reason, Set<Intervention> interventions,
        Urgency urgency, UserId referrerId, String referrerName, OrganisationId referrerOrganisationId,
        String inpatientWard, String inpatientConsultant, ReferralId reReferralOf, ReferralStatus status,
        Instant referredAt, String triagedByName, Instant triagedAt, String triageReason) {
}
