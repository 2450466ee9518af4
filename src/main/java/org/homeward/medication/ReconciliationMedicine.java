package org.homeward.medication;

import java.util.List;

/**
 * One medicine of the reconciliation with what each source lists for it and the decision on it.
 *
 * @param key the medicine as compared
 * @param name as first listed
 * @param decision the standing decision, or {@code null} while none is made
 */
public record ReconciliationMedicine(String key, String name, List<MedicineBeforeAdmission> listed,
        ReconciliationDecisionMade decision) {
}
