package org.homeward.diagnostics;

/** Where a result came from. */
public enum ResultSource {
    ENTERED("Entered from the lab report"), RECEIVED("Received from the lab"), POINT_OF_CARE("Point-of-care test at home");

    private final String label;

    ResultSource(String label) {
        this.label = label;
    }

    /** In words, as pages show it. */
    public String label() {
        return label;
    }
}
