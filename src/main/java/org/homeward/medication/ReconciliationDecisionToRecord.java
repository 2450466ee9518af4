package org.homeward.medication;

/**
 * A decision on a listed medicine.
 *
 * @param medicine the medicine as listed (compared ignoring case and spacing)
 * @param reason required for stopped, changed and withheld (at most 500 characters)
 * @param newDose and {@code newFrequency}: required for changed, and only for changed
 */
public record ReconciliationDecisionToRecord(String medicine, ReconciliationDecision decision, String reason,
        String newDose, String newFrequency) {
}
