package org.homeward.referral;

/** Where a referral comes from (spec 3.6). */
public enum ReferralSource {
    EMERGENCY_DEPARTMENT("Emergency department"),
    SDEC("Same day emergency care"),
    SINGLE_POINT_OF_ACCESS("Single point of access"),
    GP("GP / primary care"),
    AMBULANCE("Ambulance service"),
    COMMUNITY("Community services"),
    INPATIENT_WARD("Inpatient ward");

    private final String label;

    ReferralSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
