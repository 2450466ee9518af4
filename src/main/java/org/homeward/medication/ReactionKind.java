package org.homeward.medication;

/** What kind of reaction it is: an allergy (immune), an adverse reaction, or an intolerance. */
public enum ReactionKind {
    ALLERGY("Allergy"),
    ADVERSE_REACTION("Adverse reaction"),
    INTOLERANCE("Intolerance");

    private final String label;

    ReactionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
