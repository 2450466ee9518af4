package org.homeward.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.homeward.shared.PatientId;

/**
 * A clinician states why they must open a record outside their organisation's care team: the patient by id (from a
 * refused page) or by NHS number, a relationship from the list and, in their own words, what is happening.
 */
public record OpenBreakGlass(
        PatientId patientId,
        @Size(max = 12, message = "must be at most {max} characters") String nhsNumber,
        @NotNull(message = "is required: choose your relationship with the patient") BreakGlassRelationship relationship,
        @NotBlank(message = "is required: say what is happening and why you need the record now") @Size(max = 500, message = "must be at most {max} characters") String reason) {
}
