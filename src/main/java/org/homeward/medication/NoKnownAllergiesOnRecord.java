package org.homeward.medication;

import org.homeward.shared.PatientId;

/** A statement of no known allergies and the patient whose record it is on. */
public record NoKnownAllergiesOnRecord(PatientId patientId, NoKnownAllergies statement) {
}
