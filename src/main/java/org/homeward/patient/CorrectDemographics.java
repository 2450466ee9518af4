package org.homeward.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A correction of a patient's personal details. The NHS number is not among them: it is the identity every other
 * record and organisation holds the patient by, so a wrong one is a wrong patient, not a wrong detail.
 *
 * @param version the record's version as the person correcting it saw it; when given, a correction made meanwhile by
 *     someone else is not overwritten (409)
 */
public record CorrectDemographics(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") String givenName,
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") String familyName,
        @NotNull(message = "is required") @Past(message = "must be in the past") LocalDate dateOfBirth,
        @NotNull(message = "is required") Sex sex,
        @NotNull(message = "is required") EthnicCategory ethnicCategory,
        @Size(max = 500, message = "must be at most {max} characters") String reason,
        Integer version) {
}
