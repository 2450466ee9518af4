package org.homeward.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A senior decision-maker takes an organisation out of the patient's care team, saying why. */
public record RemoveFromCareTeam(
        @NotBlank(message = "is required: why this organisation no longer shares the patient's care") @Size(max = 500, message = "must be at most {max} characters") String reason) {
}
