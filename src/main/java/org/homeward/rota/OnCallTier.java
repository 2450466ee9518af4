package org.homeward.rota;

/** The escalation tiers someone can be on call for; the names match the escalation module's alert tiers. */
public enum OnCallTier {
    WARD_TEAM("Ward team (day)"),
    NURSE_IN_CHARGE("Nurse in charge"),
    ON_CALL_SENIOR("On-call senior"),
    OUT_OF_HOURS_CONTACT("Out of hours");

    private final String label;

    OnCallTier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
