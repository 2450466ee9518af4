package org.homeward.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A correction of a carer's or parent's details. */
public record CorrectCarer(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters") String name,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") String relationship,
        @NotBlank(message = "is required") @Pattern(regexp = "^[0-9 +()-]{6,30}$", message = "must be a phone number") String phone,
        @NotNull(message = "is required: say whether they hold parental responsibility") Boolean hasParentalResponsibility,
        @Size(max = 500, message = "must be at most {max} characters") String reason) {
}
