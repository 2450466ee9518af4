package org.homeward.demo;

/**
 * One patient's journey in the demo: always a referral; a triage decision unless still awaiting triage; an admission
 * if accepted and admitted; a discharge if it is over. Each demo patient has exactly one episode, so no patient has
 * two open referrals or admissions.
 *
 * @param wardCopy which copy of the referral's ward the journey is on (1 unless the demo is loaded several times
 *     over, see {@link DemoWardCopy})
 */
record EpisodePlan(PatientPlan patient, ReferralPlan referral, TriagePlan triage, AdmissionPlan admission,
        DischargePlan discharge, int wardCopy) {

    /** A journey on the ward itself (copy 1). */
    EpisodePlan(PatientPlan patient, ReferralPlan referral, TriagePlan triage, AdmissionPlan admission,
            DischargePlan discharge) {
        this(patient, referral, triage, admission, discharge, 1);
    }

    /** The same journey on another copy of its ward. */
    EpisodePlan onCopy(int copy) {
        return new EpisodePlan(patient, referral, triage, admission, discharge, copy);
    }

    enum Stage { AWAITING_TRIAGE, DECLINED, AWAITING_ADMISSION, ADMITTED, DISCHARGED }

    Stage stage() {
        if (triage == null) {
            return Stage.AWAITING_TRIAGE;
        }
        if (!triage.accepted()) {
            return Stage.DECLINED;
        }
        if (admission == null) {
            return Stage.AWAITING_ADMISSION;
        }
        return discharge == null ? Stage.ADMITTED : Stage.DISCHARGED;
    }

    DemoWard ward() {
        return referral.ward();
    }

    /** The ward the journey is on: its kind and which copy of it. */
    DemoWardCopy onWard() {
        return new DemoWardCopy(ward(), wardCopy);
    }
}
