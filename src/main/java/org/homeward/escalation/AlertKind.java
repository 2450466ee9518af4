package org.homeward.escalation;

/**
 * What raised an alert: an early-warning score, a set of observations that was due and did not come, or a patient or
 * carer who said they are worried and asked for a review (Martha's rule).
 */
public enum AlertKind {
    EARLY_WARNING, MISSED_READING, CONCERN_RAISED
}
