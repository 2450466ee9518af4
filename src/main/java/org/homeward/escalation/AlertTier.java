package org.homeward.escalation;

/**
 * Who an alert is with. It starts with the ward team; unacknowledged at its deadline it climbs: in the ward's
 * operating hours to the nurse in charge, then the on-call senior; out of hours straight to the ward's out-of-hours
 * contact (KLoE 2.2).
 */
public enum AlertTier {
    WARD_TEAM("Ward team"),
    NURSE_IN_CHARGE("Nurse in charge"),
    ON_CALL_SENIOR("On-call senior"),
    OUT_OF_HOURS_CONTACT("Out-of-hours contact");

    private final String label;

    AlertTier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The next tier, or this one when there is none higher. */
    AlertTier next(boolean wardInHours) {
        if (!wardInHours) {
            return OUT_OF_HOURS_CONTACT;
        }
        switch (this) {
            case WARD_TEAM: return NURSE_IN_CHARGE;
            case NURSE_IN_CHARGE: return ON_CALL_SENIOR;
            default: return this;
        }
    }
}
