package org.homeward.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A senior decision-maker's decision on a referral, always with a reason (KLoE 3.1). */
public record TriageDecision(
        @NotNull(message = "is required: ACCEPT or DECLINE") Outcome outcome,
        @NotBlank(message = "is required: say why, against the ward's admission criteria") @Size(max = 4000) String reason) {

    public enum Outcome { ACCEPT, DECLINE }
}
