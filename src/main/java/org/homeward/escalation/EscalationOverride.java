package org.homeward.escalation;

import java.time.Instant;

/**
 * One patient override as the trail keeps it: the threshold a senior clinician set, why, who and when, and who ended
 * it and when ({@code null} while it is still active). Ended overrides are never deleted.
 */
public record EscalationOverride(int news2AlertFromTotal, String reason, String setBy, Instant setAt, String endedBy,
        Instant endedAt) {

    public boolean isActive() {
        return endedAt == null;
    }

    /** The line the API's history lists. */
    String describe() {
        return "NEWS2 from " + news2AlertFromTotal + " set by " + setBy + " at " + setAt + ": " + reason
                + (endedBy == null ? "" : "; ended by " + endedBy + " at " + endedAt);
    }
}
