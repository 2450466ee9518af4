package org.homeward.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A correction of where the patient lives and their phone number. */
public record CorrectAddress(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters") String addressLine1,
        @Size(max = 200, message = "must be at most {max} characters") String addressLine2,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") String town,
        @NotBlank(message = "is required")
        @Pattern(regexp = "(?i)^\\s*[A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2}\\s*$",
                message = "must be a UK postcode such as DT1 2JY") String postcode,
        @Size(max = 30, message = "must be at most {max} characters") @Pattern(regexp = "^$|^[0-9 +()-]{6,30}$", message = "must be a phone number") String phone,
        @Size(max = 500, message = "must be at most {max} characters") String reason,
        Integer version) {
}
