package org.homeward.escalation;

import java.time.Instant;

/**
 * The NEWS2 threshold that applies to a patient, and where it comes from.
 *
 * @param source "national default", "ward policy" or "patient override"
 */
public record EscalationPolicy(int news2AlertFromTotal, String source, String reason, String setBy, Instant setAt) {
}
