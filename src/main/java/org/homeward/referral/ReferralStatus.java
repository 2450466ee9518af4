package org.homeward.referral;

/** Where a referral stands. */
public enum ReferralStatus {
    AWAITING_TRIAGE("Awaiting triage"),
    ACCEPTED("Accepted"),
    DECLINED("Declined"),
    ADMITTED("Admitted");

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
