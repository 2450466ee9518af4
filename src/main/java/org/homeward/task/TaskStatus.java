package org.homeward.task;

/** Whether a task is still to do, done (with its outcome) or cancelled (with the reason). */
public enum TaskStatus {
    OPEN("To do", "nhsuk-tag--blue"),
    DONE("Done", "nhsuk-tag--green"),
    CANCELLED("Cancelled", "nhsuk-tag--grey");

    private final String label;
    private final String tagClass;

    TaskStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    public String tagClass() {
        return tagClass;
    }
}
