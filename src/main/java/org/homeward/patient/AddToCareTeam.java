package org.homeward.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.homeward.shared.OrganisationId;

/** A senior decision-maker brings an organisation into the patient's care team, saying why. */
public record AddToCareTeam(
        @NotNull(message = "is required") OrganisationId organisationId,
        @NotBlank(message = "is required: why this organisation shares the patient's care") @Size(max = 500, message = "must be at most {max} characters") String reason) {
}
