package org.homeward.observation;

import java.time.Instant;
import org.homeward.shared.PatientId;

/**
 * New readings changed a patient's current set and it was scored. Published inside the transaction that stored the
 * readings, so listeners that write (the escalation module's alerts) commit or roll back with them.
 */
public record ObservationScored(PatientId patientId, Instant takenAt, EarlyWarningScore score) {
}
