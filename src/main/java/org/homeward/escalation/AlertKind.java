package org.homeward.escalation;

/** What raised an alert: an early-warning score, or a set of observations that was due and did not come. */
public enum AlertKind {
    EARLY_WARNING, MISSED_READING
}
