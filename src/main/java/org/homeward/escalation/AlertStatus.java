package org.homeward.escalation;

/** An alert's lifecycle, in order. */
public enum AlertStatus {
    RAISED("Not acknowledged", "nhsuk-tag--red"),
    ACKNOWLEDGED("Acknowledged", "nhsuk-tag--blue"),
    RESPONDED("Responded", "nhsuk-tag--green"),
    CLOSED("Closed", "nhsuk-tag--grey");

    private final String label;
    private final String tagClass;

    AlertStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    /** In words, as pages show it. */
    public String label() {
        return label;
    }

    /** The NHS.UK tag colour pages show it in. */
    public String tagClass() {
        return tagClass;
    }
}
