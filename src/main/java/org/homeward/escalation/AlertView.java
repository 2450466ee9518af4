package org.homeward.escalation;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;

/**
 * An alert as boards and APIs show it.
 *
 * @param scoreName NEWS2 or PEWS; {@code null} for a missed reading
 * @param respondWithinMinutes the response window of its severity; each tier it climbs gets at most 15 minutes
 */
public record AlertView(UUID id, PatientId patientId, WardId wardId, AlertKind kind, AlertSeverity severity,
        String scoreName, Integer scoreTotal, boolean partialSet, String reason, Instant observedAt, Instant raisedAt,
        Instant respondBy, int respondWithinMinutes, AlertTier tier, Instant escalatedAt, AlertStatus status,
        String acknowledgedBy, Instant acknowledgedAt, ResponseAction responseAction, String responseNote,
        String respondedBy, Instant respondedAt, String closedBy, Instant closedAt) {

    /**
     * Closing needs a senior decision-maker's review for the most urgent alerts: NEWS2 7 or more (RCP 2017 Chart 4,
     * emergency response: assessment by a team with critical-care competencies) and a PEWS emergency (the national
     * PEWS card: immediate review by the senior clinician). The one rule the aggregate and the board both use.
     */
    public boolean needsSeniorToClose() {
        return severity == AlertSeverity.EMERGENCY || (severity == AlertSeverity.HIGH && "NEWS2".equals(scoreName));
    }
}
