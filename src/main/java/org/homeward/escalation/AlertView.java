package org.homeward.escalation;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;

/** An alert as boards and APIs show it. */
public record AlertView(UUID id, PatientId patientId, WardId wardId, AlertSeverity severity, String scoreName,
        int scoreTotal, boolean partialSet, String reason, Instant observedAt, Instant raisedAt, Instant respondBy,
        AlertStatus status, String acknowledgedBy, Instant acknowledgedAt, ResponseAction responseAction,
        String responseNote, String respondedBy, Instant respondedAt, String closedBy, Instant closedAt) {
}
