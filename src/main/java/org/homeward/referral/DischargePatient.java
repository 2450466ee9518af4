package org.homeward.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Discharge from a virtual ward.
 *
 * @param dischargedAt when; now when not given
 * @param destinationDetail required when the destination is OTHER
 * @param onwardReferrals services the patient was referred on to (KLoE 10.3), one per line; may be empty
 * @param summary the discharge summary for the GP (KLoE 9.4)
 */
public record DischargePatient(
        Instant dischargedAt,
        @NotNull(message = "is required") DischargeDestination destination,
        @Size(max = 200, message = "must be at most {max} characters") String destinationDetail,
        @Size(max = 2000, message = "must be at most {max} characters") String onwardReferrals,
        @NotBlank(message = "is required: the summary for the GP") @Size(max = 8000, message = "must be at most {max} characters") String summary) {
}
