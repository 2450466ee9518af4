package org.homeward.medication;

import java.time.Instant;

/** A note resolving a discrepancy between sources: which is right, and why. */
public record ReconciliationResolution(String discrepancyKey, String note, String resolvedBy, Instant resolvedAt) {
}
