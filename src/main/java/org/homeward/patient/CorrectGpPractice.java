package org.homeward.patient;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A correction of the patient's GP practice. The GP organisation covering the new practice joins the care team (by
 * the same rule as at referral); the one covering the old practice stays until a senior removes it, so no one who was
 * reading the record loses it unseen.
 */
public record CorrectGpPractice(
        @NotBlank(message = "is required")
        @Pattern(regexp = "^[A-Z][0-9]{5}$", message = "must be an ODS practice code such as J81012") String gpPracticeCode,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters") String gpPracticeName,
        @Size(max = 500, message = "must be at most {max} characters") String reason,
        Integer version) {
}
