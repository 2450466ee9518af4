package org.homeward.diagnostics;

/** How soon the test is wanted. */
public enum Urgency {
    ROUTINE("Routine"), URGENT("Urgent"), SAME_DAY("Same day");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    /** In words, as pages show it. */
    public String label() {
        return label;
    }
}
