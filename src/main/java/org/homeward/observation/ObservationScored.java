package org.homeward.observation;

import java.time.Instant;
import org.homeward.shared.PatientId;

/**
 * New readings were scored for a patient. Published inside the transaction that stored the readings, so listeners
 * that write (the escalation module's alerts) commit or roll back with them.
 *
 * @param late false for the patient's current set (each parameter's latest reading), which the monitoring schedule
 *        follows; true for a set entered after a newer one was already stored (a nurse's set typed in later, a
 *        device's backlog): it is scored as it stood at {@code takenAt} so a deterioration recorded late still
 *        raises an alert (hazard H169), but it says nothing about when the next set is due
 */
public record ObservationScored(PatientId patientId, Instant takenAt, EarlyWarningScore score, boolean late) {

    /** The patient's current set. */
    public ObservationScored(PatientId patientId, Instant takenAt, EarlyWarningScore score) {
        this(patientId, takenAt, score, false);
    }
}
