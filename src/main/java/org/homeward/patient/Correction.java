package org.homeward.patient;

import java.util.List;

/**
 * The answer to a correction: the record as it now stands, the fields that changed (empty when nothing did) and,
 * when the date of birth changed, what follows from the new age ({@code null} otherwise).
 */
public record Correction(PatientRecord record, List<PatientChange> changes, String consequence) {
}
