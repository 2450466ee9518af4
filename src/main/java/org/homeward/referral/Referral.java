package org.homeward.referral;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.homeward.security.CurrentUser;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
import org.homeward.shared.RefusedException;
import org.homeward.shared.UserId;
import org.homeward.shared.WardId;

/** The referral aggregate: created awaiting triage, then accepted or declined, then (if accepted) admitted. */
class Referral {

    private final ReferralId id;
    private final PatientId patientId;
    private final WardId wardId;
    private final ReferralDirection direction;
    private final ReferralSource source;
    private final String presentingCondition;
    private final String reason;
    private final Set<Intervention> interventions;
    private final Urgency urgency;
    private final UserId referrerId;
    private final String referrerName;
    private final OrganisationId referrerOrganisationId;
    private final String inpatientWard;
    private final String inpatientConsultant;
    private final ReferralId reReferralOf;
    private final Instant referredAt;
    private ReferralStatus status;
    private UserId triagedBy;
    private String triagedByName;
    private Instant triagedAt;
    private String triageReason;
    private final Instant leftAcuteWardAt;
    private final int version;

    Referral(ReferralId id, PatientId patientId, WardId wardId, ReferralDirection direction, ReferralSource source,
            String presentingCondition, String reason, Set<Intervention> interventions, Urgency urgency,
            UserId referrerId, String referrerName, OrganisationId referrerOrganisationId, String inpatientWard,
            String inpatientConsultant, ReferralId reReferralOf, Instant referredAt, ReferralStatus status,
            UserId triagedBy, String triagedByName, Instant triagedAt, String triageReason, Instant leftAcuteWardAt,
            int version) {
        this.id = id;
        this.patientId = patientId;
        this.wardId = wardId;
        this.direction = direction;
        this.source = source;
        this.presentingCondition = presentingCondition;
        this.reason = reason;
        this.interventions = EnumSet.copyOf(interventions);
        this.urgency = urgency;
        this.referrerId = referrerId;
        this.referrerName = referrerName;
        this.referrerOrganisationId = referrerOrganisationId;
        this.inpatientWard = inpatientWard;
        this.inpatientConsultant = inpatientConsultant;
        this.reReferralOf = reReferralOf;
        this.referredAt = referredAt;
        this.status = status;
        this.triagedBy = triagedBy;
        this.triagedByName = triagedByName;
        this.triagedAt = triagedAt;
        this.triageReason = triageReason;
        this.leftAcuteWardAt = leftAcuteWardAt;
        this.version = version;
    }

    static Referral create(CreateReferral command, CurrentUser referrer, ReferralId reReferralOf, Instant now) {
        Instant at = command.referredAt() == null ? now : command.referredAt();
        String inpatientWard = blankToNull(command.inpatientWard());
        String inpatientConsultant = blankToNull(command.inpatientConsultant());
        if (at.isAfter(now)) {
            throw new InvalidInputException("referredAt", "The referral time must not be in the future");
        }
        if (command.direction() == ReferralDirection.STEP_DOWN) {
            if (inpatientWard == null) {
                throw new InvalidInputException("inpatientWard", "A step-down referral must name the inpatient ward the patient is leaving");
            }
            if (inpatientConsultant == null) {
                throw new InvalidInputException("inpatientConsultant",
                        "A step-down referral must name the inpatient consultant who is accountable until accountability is transferred");
            }
        }
        return new Referral(ReferralId.random(), command.patientId(), command.wardId(), command.direction(),
                command.source(), command.presentingCondition().trim(), command.reason().trim(), command.interventions(),
                command.urgency(), referrer.id(), referrer.displayName(), referrer.organisationId(), inpatientWard,
                inpatientConsultant, reReferralOf, at, ReferralStatus.AWAITING_TRIAGE, null, null, null, null, null, 0);
    }

    void accept(CurrentUser senior, String why, Instant at) {
        decide(ReferralStatus.ACCEPTED, senior, why, at);
    }

    void decline(CurrentUser senior, String why, Instant at) {
        decide(ReferralStatus.DECLINED, senior, why, at);
    }

    private void decide(ReferralStatus outcome, CurrentUser senior, String why, Instant at) {
        if (at.isBefore(referredAt)) {
            throw new InvalidInputException("decidedAt", "A decision cannot be made before the referral ("
                    + referredAt + ")");
        }
        if (status != ReferralStatus.AWAITING_TRIAGE) {
            throw new RefusedException("This referral was already " + status.label().toLowerCase() + " by "
                    + triagedByName + "; a decision cannot be changed. " + (status == ReferralStatus.DECLINED
                            ? "Re-refer the patient if circumstances have changed." : ""));
        }
        status = outcome;
        triagedBy = senior.id();
        triagedByName = senior.displayName();
        triagedAt = at;
        triageReason = why.trim();
    }

    /** Checks that this referral may become an admission now, and records that it has. */
    void admit() {
        switch (status) {
            case ACCEPTED -> status = ReferralStatus.ADMITTED;
            case AWAITING_TRIAGE -> throw new RefusedException(
                    "This referral has not been triaged yet: a senior decision-maker must accept it before admission");
            case DECLINED -> throw new RefusedException("This referral was declined (" + triageReason
                    + "); a declined referral cannot be admitted. Re-refer the patient if circumstances have changed.");
            case ADMITTED -> throw new RefusedException("This referral has already led to an admission");
        }
    }

    void requireDeclinedForReReferral() {
        if (status != ReferralStatus.DECLINED) {
            throw new RefusedException("Only a declined referral can be re-referred; this one is "
                    + status.label().toLowerCase());
        }
    }

    ReferralView view(java.time.ZoneId zone) {
        return new ReferralView(id, patientId, wardId, direction, source, presentingCondition, reason,
                EnumSet.copyOf(interventions), urgency, referrerId, referrerName, referrerOrganisationId, inpatientWard,
                inpatientConsultant, reReferralOf, status, referredAt, triagedByName, triagedAt, triageReason,
                urgency.triageDueAt(referredAt, zone), leftAcuteWardAt, readyToAdmitSince(),
                status == ReferralStatus.AWAITING_TRIAGE && leftAcuteWardAt != null);
    }

    /**
     * When this referral became ready to admit: an accepted step-down referral whose patient has left the acute ward
     * (the hospital's A03, not cancelled since) is ready from the time they left; {@code null} otherwise.
     */
    Instant readyToAdmitSince() {
        return status == ReferralStatus.ACCEPTED && direction == ReferralDirection.STEP_DOWN ? leftAcuteWardAt : null;
    }

    CreateReferral asNewReferral(String newReason) {
        return new CreateReferral(patientId, wardId, direction, source, presentingCondition,
                newReason == null || newReason.isBlank() ? reason : newReason, interventions, urgency, inpatientWard,
                inpatientConsultant, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    ReferralId id() { return id; }
    PatientId patientId() { return patientId; }
    WardId wardId() { return wardId; }
    ReferralDirection direction() { return direction; }
    ReferralSource source() { return source; }
    String presentingCondition() { return presentingCondition; }
    String reason() { return reason; }
    Set<Intervention> interventions() { return EnumSet.copyOf(interventions); }
    Urgency urgency() { return urgency; }
    UserId referrerId() { return referrerId; }
    String referrerName() { return referrerName; }
    OrganisationId referrerOrganisationId() { return referrerOrganisationId; }
    String inpatientWard() { return inpatientWard; }
    String inpatientConsultant() { return inpatientConsultant; }
    ReferralId reReferralOf() { return reReferralOf; }
    Instant referredAt() { return referredAt; }
    ReferralStatus status() { return status; }
    UserId triagedBy() { return triagedBy; }
    String triagedByName() { return triagedByName; }
    Instant triagedAt() { return triagedAt; }
    String triageReason() { return triageReason; }
    Instant leftAcuteWardAt() { return leftAcuteWardAt; }
    int version() { return version; }
}
