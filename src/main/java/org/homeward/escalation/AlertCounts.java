package org.homeward.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How many open alerts the user may see, how many of them a board's filter shows, and how many it hides, by severity:
 * so that nobody reads a filtered board as the whole picture.
 */
public record AlertCounts(int shown, int total, Map<AlertSeverity, Integer> hiddenBySeverity) {

    public AlertCounts {
        hiddenBySeverity = Map.copyOf(hiddenBySeverity);
    }

    public int hidden() {
        return total - shown;
    }

    /** Hidden alerts by severity in words, most severe first: 1 emergency, 2 low. */
    public String hiddenInWords() {
        List<String> parts = new ArrayList<>();
        for (int i = AlertSeverity.values().length - 1; i >= 0; i--) {
            AlertSeverity severity = AlertSeverity.values()[i];
            int n = hiddenBySeverity.getOrDefault(severity, 0);
            if (n > 0) {
                parts.add(n + " " + severity.label().toLowerCase());
            }
        }
        return String.join(", ", parts);
    }

    /** Whether the filter hides an alert that needs someone now (high or emergency). */
    public boolean hidesUrgent() {
        return hiddenBySeverity.getOrDefault(AlertSeverity.HIGH, 0) + hiddenBySeverity.getOrDefault(AlertSeverity.EMERGENCY, 0) > 0;
    }
}
