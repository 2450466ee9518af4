package org.homeward.careplan;

/** Where a goal of the care and support plan stands. */
public enum GoalStatus {
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    ACHIEVED("Achieved"),
    NO_LONGER_RELEVANT("No longer relevant");

    private final String label;

    GoalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
