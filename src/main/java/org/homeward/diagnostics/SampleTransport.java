package org.homeward.diagnostics;

/** How a sample taken at home reaches the lab. */
public enum SampleTransport {
    COURIER("By courier"), HANDED_IN("Handed in by the team");

    private final String label;

    SampleTransport(String label) {
        this.label = label;
    }

    /** In words, as pages show it. */
    public String label() {
        return label;
    }
}
