package org.homeward.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A revised estimated discharge date and why it changed (KLoE 10.1). */
public record ReviseEstimatedDischarge(
        @NotNull(message = "is required: the new estimated discharge date") LocalDate estimatedDischargeDate,
        @NotBlank(message = "is required: say why the estimated discharge date changes")
        @Size(max = 1000, message = "must be at most {max} characters") String reason) {
}
