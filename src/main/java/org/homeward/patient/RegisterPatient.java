package org.homeward.patient;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What is needed to register a patient. Location is optional because referrers rarely know it; visit planning needs
 * it, and the record shows when it is missing.
 */
public record RegisterPatient(
        @NotBlank(message = "is required") String nhsNumber,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") String givenName,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") String familyName,
        @NotNull(message = "is required") @Past(message = "must be in the past") LocalDate dateOfBirth,
        @NotNull(message = "is required") Sex sex,
        @NotNull(message = "is required") EthnicCategory ethnicCategory,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters") String addressLine1,
        @Size(max = 200, message = "must be at most {max} characters") String addressLine2,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") String town,
        @NotBlank(message = "is required")
        @Pattern(regexp = "(?i)^\\s*[A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2}\\s*$",
                message = "must be a UK postcode such as DT1 2JY") String postcode,
        @DecimalMin(value = "49.8", message = "must be in the UK (latitude 49.8 to 60.9)")
        @DecimalMax(value = "60.9", message = "must be in the UK (latitude 49.8 to 60.9)") Double latitude,
        @DecimalMin(value = "-8.7", message = "must be in the UK (longitude -8.7 to 1.8)")
        @DecimalMax(value = "1.8", message = "must be in the UK (longitude -8.7 to 1.8)") Double longitude,
        @Size(max = 30, message = "must be at most {max} characters") @Pattern(regexp = "^$|^[0-9 +()-]{6,30}$", message = "must be a phone number") String phone,
        @NotBlank(message = "is required")
        @Pattern(regexp = "^[A-Z][0-9]{5}$", message = "must be an ODS practice code such as J81012") String gpPracticeCode,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters") String gpPracticeName) {
}
