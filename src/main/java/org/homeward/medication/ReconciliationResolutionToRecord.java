package org.homeward.medication;

/**
 * Resolves a discrepancy with a note.
 *
 * @param discrepancyKey the discrepancy's key as listed
 * @param note which source is right and why (at most 500 characters)
 */
public record ReconciliationResolutionToRecord(String discrepancyKey, String note) {
}
