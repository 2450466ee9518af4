package org.homeward.referral;

/**
 * A referral with the admission it led to, if any: the patient's episode of virtual-ward care from referral to
 * discharge, as a partner organisation's system reads it (the FHIR API's EpisodeOfCare).
 *
 * @param admission the admission of this referral, or {@code null} while it is awaiting triage, accepted and not yet
 *     admitted, or declined
 */
public record ReferralEpisode(ReferralView referral, AdmissionView admission) {

    /** Admitted and not yet discharged. */
    public boolean inCare() {
        return admission != null && admission.isOpen();
    }
}
