package org.homeward.escalation;

/** What was done in response to an alert. */
public enum ResponseAction {
    PHONE_CALL("Phone call"), VISIT("Visit"), ADVICE("Advice"), TRANSFER_TO_HOSPITAL("Transfer to hospital");

    private final String label;

    ResponseAction(String label) {
        this.label = label;
    }

    /** In words, as pages show it. */
    public String label() {
        return label;
    }
}
