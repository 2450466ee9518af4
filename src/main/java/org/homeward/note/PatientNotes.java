package org.homeward.note;

import org.homeward.shared.PatientId;

/** How many notes a patient has and the newest of them (by the time it refers to): for a board round's row. */
public record PatientNotes(PatientId patientId, int count, ClinicalNote latest) {
}
