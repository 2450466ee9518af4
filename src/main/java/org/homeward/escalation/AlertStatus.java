package org.homeward.escalation;

/** An alert's lifecycle, in order. */
public enum AlertStatus {
    RAISED, ACKNOWLEDGED, RESPONDED, CLOSED
}
