package org.homeward.diagnostics;

import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * A critical result was stored, published in the result's own transaction: a listener that raises an alert commits
 * with the result or not at all.
 *
 * @param words the result in words: Potassium 6.9 mmol/L (critical: high)
 * @param orderedByUsername who ordered the test
 */
public record CriticalResultReceived(UUID resultId, UUID orderId, PatientId patientId, String words,
        String orderedByUsername) {
}
