package org.homeward.escalation;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.homeward.shared.WardId;

/**
 * Which open or closed alerts a board or the history shows: one ward or all, and some severities or all. An empty
 * severity set means every severity.
 */
public record AlertFilter(WardId ward, Set<AlertSeverity> severities) {

    public AlertFilter {
        severities = severities == null || severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
    }

    public static AlertFilter of(WardId ward, Collection<AlertSeverity> severities) {
        return new AlertFilter(ward, severities == null ? Set.of() : Set.copyOf(severities));
    }

    public static AlertFilter ward(WardId ward) {
        return new AlertFilter(ward, Set.of());
    }

    /** Whether anything is filtered out. */
    public boolean narrows() {
        return ward != null || !severities.isEmpty();
    }

    public boolean matches(WardId alertWard, AlertSeverity severity) {
        return (ward == null || ward.equals(alertWard)) && (severities.isEmpty() || severities.contains(severity));
    }

    public boolean matches(AlertView alert) {
        return matches(alert.wardId(), alert.severity());
    }

    /** The severities chosen, as stored (for SQL), or null for all. */
    String[] severityNames() {
        return severities.isEmpty() ? null : severities.stream().map(Enum::name).sorted().toArray(String[]::new);
    }
}
