package org.homeward.medication;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * One dose a prescription with set times calls for: on which day at which time, and the window it is to be given in.
 *
 * @param key names the dose: the prescription, the day and the time ({@code <id>/2026-12-06/09:00}); the same dose
 *            always has the same key, so it is given (or not) once
 * @param medicine the medicine, dose and route in words: Ceftriaxone 2 g intravenous
 * @param givenAtVisit given by a nurse at a home visit (intravenous, subcutaneous, intramuscular), so the chart makes a
 *                     visit for it; other routes are taken by the patient or given by a carer
 * @param child dosed as a child (the one rule of {@link PrescriptionService#dosedAsChild})
 */
public record ScheduledDose(String key, UUID prescriptionId, PatientId patientId, String medicine, Route route,
        boolean antimicrobial, Instant dueAt, Instant earliest, Instant latest, boolean timeCritical,
        boolean secondChecker, boolean controlledDrug, boolean givenAtVisit, boolean child) {
}
