package org.homeward.referral;

/** Step-up (admission avoidance from home) or step-down (early discharge from an inpatient ward); spec 3.6. */
public enum ReferralDirection {
    STEP_UP("Step-up"),
    STEP_DOWN("Step-down");

    private final String label;

    ReferralDirection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
