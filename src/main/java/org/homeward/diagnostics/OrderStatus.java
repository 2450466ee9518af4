package org.homeward.diagnostics;

/** Where an order is: ordered, sample taken, sent to the lab, resulted (every test has a result), or cancelled. */
public enum OrderStatus {
    ORDERED("Ordered"), SAMPLE_TAKEN("Sample taken"), SENT_TO_LAB("Sent to the lab"), RESULTED("Resulted"), CANCELLED("Cancelled");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    /** In words, as pages show it. */
    public String label() {
        return label;
    }
}
