package org.homeward.escalation;

/** How urgent an alert is, lowest first. */
public enum AlertSeverity {
    LOW("Low"), MEDIUM("Medium"), HIGH("High"), EMERGENCY("Emergency");

    private final String label;

    AlertSeverity(String label) {
        this.label = label;
    }

    /** In words, as pages show it. */
    public String label() {
        return label;
    }

    /** The NHS.UK tag colour pages show it in: red for the two that need someone now. */
    public String tagClass() {
        return switch (this) {
            case LOW -> "nhsuk-tag--yellow";
            case MEDIUM -> "nhsuk-tag--orange";
            case HIGH, EMERGENCY -> "nhsuk-tag--red";
        };
    }
}
