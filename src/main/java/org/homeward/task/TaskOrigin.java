package org.homeward.task;

/**
 * Where a task came from: set by hand, an action of a board-round decision, an alert, a result, a prescription to
 * screen, a medicines reconciliation due, a charted dose not recorded in its window, or a step-down referral ready to
 * admit (the patient has left the acute ward: plan the first visit).
 */
public enum TaskOrigin {
    BY_HAND("Set by hand"),
    BOARD_ROUND("Board round"),
    ALERT("Alert"),
    RESULT("Result"),
    PRESCRIPTION("Prescription to screen"),
    RECONCILIATION("Medicines reconciliation"),
    MEDICINE_DOSE("Medicine dose late"),
    STEP_DOWN_READY("Step-down referral ready to admit");

    private final String label;

    TaskOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
