package org.homeward.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A senior decision-maker's decision on a referral, always with a reason (KLoE 3.1).
 *
 * @param decidedAt when the decision was made, if entered afterwards; now when not given, never in the future and
 *     never before the referral
 */
public record TriageDecision(
        @NotNull(message = "is required: accept or decline the referral") Outcome outcome,
        @NotBlank(message = "is required: say why, against the ward's admission criteria") @Size(max = 4000, message = "must be at most {max} characters") String reason,
        Instant decidedAt) {

    public TriageDecision(Outcome outcome, String reason) {
        this(outcome, reason, null);
    }

    public enum Outcome { ACCEPT, DECLINE }
}
