package org.homeward.visit;

import java.time.Instant;
import org.homeward.shared.PatientId;

/**
 * A patient's last visit made and next visit planned, for lists of many patients (the board round).
 *
 * @param lastVisitAt when the last recorded visit ended (or began, while it is under way); null when none is recorded
 * @param nextVisitAt the planned start of the next visit in today's or tomorrow's current plans; null when none
 * @param nextVisitWhat what the next visit is for, in words ("IV antibiotic dose"); null when none
 */
public record PatientVisitSummary(PatientId patientId, Instant lastVisitAt, Instant nextVisitAt, String nextVisitWhat) {
}
