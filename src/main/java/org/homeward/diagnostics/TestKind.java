package org.homeward.diagnostics;

/** What kind of test: it decides whether a result is a number with units or a report in words. */
public enum TestKind {
    BLOOD("Blood test"), MICROBIOLOGY("Microbiology"), ECG("ECG"), IMAGING("Imaging"), POINT_OF_CARE("Point-of-care test");

    private final String label;

    TestKind(String label) {
        this.label = label;
    }

    /** In words, as pages show it. */
    public String label() {
        return label;
    }

    /** Reported in words (a report and a flag set by hand), with no unit: else a number with units. */
    public boolean reportedInWords() {
        return this == MICROBIOLOGY || this == ECG || this == IMAGING;
    }
}
