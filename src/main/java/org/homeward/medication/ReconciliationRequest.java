package org.homeward.medication;

/**
 * Asks for a new reconciliation because the patient's medicines changed.
 *
 * @param reason what changed
 * @param detail the reason in words (required, at most 500 characters)
 */
public record ReconciliationRequest(ReconciliationChangeReason reason, String detail) {
}
