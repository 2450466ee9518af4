package org.homeward.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/**
 * A referral as people read it, with its triage decision once made.
 *
 * @param triageDueAt when it must be triaged by ({@link Urgency#triageDueAt})
 * @param leftAcuteWardAt step-down: when the patient left the acute ward as the hospital reported it (A03 not
 *     cancelled since), or {@code null} while they are an inpatient as far as the hospital has said
 * @param readyToAdmitSince an accepted step-down referral whose patient has left the acute ward is ready to admit:
 *     since the time they left; {@code null} otherwise
 * @param triageNow still awaiting triage although the patient has already left the acute ward: to be triaged now,
 *     whatever its urgency (which stays as the referrer set it)
 */
public record ReferralView(ReferralId id, PatientId patientId, WardId wardId, ReferralDirection direction,
        ReferralSource source, String presentingCondition, String reason, Set<Intervention> interventions,
        Urgency urgency, UserId referrerId, String referrerName, OrganisationId referrerOrganisationId,
        String inpatientWard, String inpatientConsultant, ReferralId reReferralOf, ReferralStatus status,
        Instant referredAt, String triagedByName, Instant triagedAt, String triageReason, Instant triageDueAt,
        Instant leftAcuteWardAt, Instant readyToAdmitSince, boolean triageNow) {

    /** Still awaiting triage after its target. */
    public boolean triageOverdue(Instant now) {
        return status == ReferralStatus.AWAITING_TRIAGE && now.isAfter(triageDueAt);
    }

    /** How long it has waited for triage (until triaged, or until now), in whole minutes. */
    public Duration waitingForTriage(Instant now) {
        Duration waited = Duration.between(referredAt, triagedAt == null ? now : triagedAt);
        return waited.isNegative() ? Duration.ZERO : waited.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    /** The wait in words, e.g. "2 h 35 min" or "1 day 3 h". */
    public String waitingForTriageText(Instant now) {
        Duration waited = waitingForTriage(now);
        long days = waited.toDays();
        int hours = waited.toHoursPart();
        int minutes = waited.toMinutesPart();
        if (days > 0) {
            return days + (days == 1 ? " day " : " days ") + hours + " h";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
