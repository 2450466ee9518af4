package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;

/** A movement of stock in or out of a grab bag, as kept: never changed. */
public record StockMovement(UUID id, UUID itemId, String medicine, String batch, StockMovementKind kind,
        BigDecimal quantityChange, BigDecimal quantityAfter, PatientId patientId, String reason, String by,
        String witness, Instant at) {
}
