package org.homeward.escalation;

import java.util.UUID;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;

/** An alert was raised or raised to a higher severity; published in the transaction that stored it. */
public record AlertRaised(UUID alertId, PatientId patientId, WardId wardId, AlertSeverity severity) {
}
