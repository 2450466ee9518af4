package org.homeward.hl7v2;

/** What became of an inbound HL7 v2 message. */
public enum Hl7Outcome {
    APPLIED("Applied"),
    ERROR("Not applied: error"),
    REJECTED("Rejected"),
    DUPLICATE("Repeat, not applied again");

    private final String label;

    Hl7Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
