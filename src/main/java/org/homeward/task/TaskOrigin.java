package org.homeward.task;

/** Where a task came from: set by hand, an action of a board-round decision, an alert, a result, a prescription to screen, a medicines reconciliation due, or a charted dose not recorded in its window. */
public enum TaskOrigin {
    BY_HAND("Set by hand"),
    BOARD_ROUND("Board round"),
    ALERT("Alert"),
    RESULT("Result"),
    PRESCRIPTION("Prescription to screen"),
    RECONCILIATION("Medicines reconciliation"),
    MEDICINE_DOSE("Medicine dose late");

    private final String label;

    TaskOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
