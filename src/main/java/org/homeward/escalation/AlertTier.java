package org.homeward.escalation;

/**
 * Who an alert is with. Raised in the ward's operating hours it starts with the ward team; out of hours, with the
 * ward's out-of-hours cover. Unacknowledged at its deadline (or acknowledged with no response by its response
 * clock) it climbs: in hours to the nurse in charge, then the on-call senior; out of hours from the out-of-hours
 * cover to the on-call senior; above them all is the patient's accountable consultant (KLoE 2.2). At opening time an
 * out-of-hours alert hands back to the ward team.
 */
public enum AlertTier {
    WARD_TEAM("Ward team"),
    NURSE_IN_CHARGE("Nurse in charge"),
    ON_CALL_SENIOR("On-call senior"),
    OUT_OF_HOURS_CONTACT("Out-of-hours contact"),
    ACCOUNTABLE_CONSULTANT("Accountable consultant");

    private final String label;

    AlertTier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Where a new alert starts: the ward team in hours, the out-of-hours cover out of hours. */
    static AlertTier startingTier(boolean wardInHours) {
        return wardInHours ? WARD_TEAM : OUT_OF_HOURS_CONTACT;
    }

    /** The next tier, or this one when there is none higher. */
    AlertTier next(boolean wardInHours) {
        switch (this) {
            case WARD_TEAM: return wardInHours ? NURSE_IN_CHARGE : OUT_OF_HOURS_CONTACT;
            case NURSE_IN_CHARGE: return wardInHours ? ON_CALL_SENIOR : OUT_OF_HOURS_CONTACT;
            case OUT_OF_HOURS_CONTACT: return ON_CALL_SENIOR;
            case ON_CALL_SENIOR: return ACCOUNTABLE_CONSULTANT;
            default: return this;
        }
    }
}
