package org.homeward.diagnostics;

/**
 * How a result stands against its reference range and critical limits ({@link ResultFlags#flag}). A result reported
 * in words (ECG, imaging, culture) is flagged normal, abnormal or critical by the person entering it.
 */
public enum ResultFlag {
    NORMAL("Normal"),
    ABNORMAL_LOW("Abnormal: low"),
    ABNORMAL_HIGH("Abnormal: high"),
    ABNORMAL("Abnormal"),
    CRITICAL_LOW("Critical: low"),
    CRITICAL_HIGH("Critical: high"),
    CRITICAL("Critical");

    private final String label;

    ResultFlag(String label) {
        this.label = label;
    }

    /** In words, as pages show it (never colour alone). */
    public String label() {
        return label;
    }

    public boolean critical() {
        return this == CRITICAL_LOW || this == CRITICAL_HIGH || this == CRITICAL;
    }

    public boolean abnormal() {
        return this != NORMAL;
    }

    /** The flags a person may set on a result reported in words. */
    public boolean forReportInWords() {
        return this == NORMAL || this == ABNORMAL || this == CRITICAL;
    }
}
