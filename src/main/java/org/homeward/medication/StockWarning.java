package org.homeward.medication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An item in one of the organisation's grab bags that is expired or expires within 30 days. */
public record StockWarning(UUID bagId, String bagLabel, UUID itemId, String medicine, String batch, LocalDate expiry,
        BigDecimal quantity, ExpiryStatus status) {
}
