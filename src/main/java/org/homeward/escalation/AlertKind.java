package org.homeward.escalation;

/**
 * What raised an alert: an early-warning score, a set of observations that was due and did not come, or a patient or
 * carer who said they are worried and asked for a review (Martha's rule), a critical test result, or a time-critical medicine dose not recorded within its limit.
 */
public enum AlertKind {
    EARLY_WARNING("Early warning score"), MISSED_READING("Missed observations"), CONCERN_RAISED("Concern raised"),
    CRITICAL_RESULT("Critical result"), MISSED_DOSE("Missed dose");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    /** In words, as pages show it. */
    public String label() {
        return label;
    }
}
