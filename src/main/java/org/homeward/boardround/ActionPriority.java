package org.homeward.boardround;

/** How soon an action agreed at the round must be done. */
public enum ActionPriority {
    ROUTINE("Routine"),
    URGENT("Urgent"),
    IMMEDIATE("Immediate");

    private final String label;

    ActionPriority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
