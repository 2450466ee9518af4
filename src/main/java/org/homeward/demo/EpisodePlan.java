package org.homeward.demo;

/**
 * One patient's journey in the demo: always a referral; a triage decision unless still awaiting triage; an admission
 * if accepted and admitted; a discharge if it is over. Each demo patient has exactly one episode, so no patient has
 * two open referrals or admissions.
 */
record EpisodePlan(PatientPlan patient, ReferralPlan referral, TriagePlan triage, AdmissionPlan admission,
        DischargePlan discharge) {

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
}
