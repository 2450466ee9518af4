package org.homeward.medication;

import java.time.Instant;
import org.homeward.shared.PatientId;

/**
 * A time-critical dose still not recorded {@link DoseRules#MISSED_AFTER} after its time, published once in the late-dose
 * check's transaction: a listener that raises an alert commits with the check's record of it or not at all.
 *
 * @param words the dose in words: Ceftriaxone 2 g intravenous due at 09:00
 */
public record TimeCriticalDoseMissed(String doseKey, PatientId patientId, String words, Instant dueAt) {
}
