package org.homeward.escalation;

/** How urgent an alert is, lowest first. */
public enum AlertSeverity {
    LOW, MEDIUM, HIGH, EMERGENCY
}
