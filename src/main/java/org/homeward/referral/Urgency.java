package org.homeward.referral;

/** How soon the referral must be triaged. */
public enum Urgency {
    URGENT("Urgent (within 2 hours)"),
    SAME_DAY("Same day"),
    NEXT_DAY("Next day");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
