package org.homeward.demo;

import java.time.Instant;
import org.homeward.referral.TriageDecision;

/** The decision of the demo senior decision-maker {@code decider}, who also admits and discharges if accepted. */
record TriagePlan(String decider, TriageDecision.Outcome outcome, String reason, Instant decidedAt) {

    TriageDecision decision() {
        return new TriageDecision(outcome, reason, decidedAt);
    }

    boolean accepted() {
        return outcome == TriageDecision.Outcome.ACCEPT;
    }
}
