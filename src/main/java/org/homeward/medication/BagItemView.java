package org.homeward.medication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An item in a grab bag that may be used now: its bag, medicine, batch, expiry and the quantity the book shows. */
public record BagItemView(UUID bagItemId, UUID bagId, String bagLabel, String medicine, String batch,
        LocalDate expiry, BigDecimal quantity) {
}
