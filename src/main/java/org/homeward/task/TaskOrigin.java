package org.homeward.task;

/** Where a task came from: set by hand, an action of a board-round decision, an alert, or a result. */
public enum TaskOrigin {
    BY_HAND("Set by hand"),
    BOARD_ROUND("Board round"),
    ALERT("Alert"),
    RESULT("Result");

    private final String label;

    TaskOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
