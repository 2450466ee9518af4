package org.homeward.medication;

import java.math.BigDecimal;

/**
 * Stock taken out of a grab bag other than for a patient: returned to the pharmacy, or removed as expired.
 *
 * @param kind {@link StockMovementKind#RETURNED} or {@link StockMovementKind#REMOVED_EXPIRED}
 * @param witnessUsername required for a controlled drug: the second registered clinician who witnessed the removal
 */
public record RemoveStock(StockMovementKind kind, BigDecimal quantity, String reason, String witnessUsername) {
}
