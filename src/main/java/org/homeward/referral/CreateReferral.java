package org.homeward.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;

/**
 * A referral to a virtual ward. A step-down referral also names the inpatient ward and the inpatient consultant who
 * holds accountability until it is transferred (KLoE 1.2).
 *
 * @param referredAt when the referral was made, for referrals received by phone and entered afterwards; now when not
 *     given, never in the future
 */
public record CreateReferral(
        @NotNull(message = "is required") PatientId patientId,
        @NotNull(message = "is required") WardId wardId,
        @NotNull(message = "is required") ReferralDirection direction,
        @NotNull(message = "is required") ReferralSource source,
        @NotBlank(message = "is required") @Size(max = 300, message = "must be at most {max} characters") String presentingCondition,
        @NotBlank(message = "is required: why Hospital at Home care is needed") @Size(max = 4000, message = "must be at most {max} characters") String reason,
        @NotEmpty(message = "must name at least one intervention") Set<Intervention> interventions,
        @NotNull(message = "is required") Urgency urgency,
        @Size(max = 200, message = "must be at most {max} characters") String inpatientWard,
        @Size(max = 200, message = "must be at most {max} characters") String inpatientConsultant,
        Instant referredAt) {
}
