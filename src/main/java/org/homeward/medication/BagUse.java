package org.homeward.medication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What a use from a grab bag took: the movement written, the bag, the medicine and batch, and what is left. */
public record BagUse(UUID movementId, UUID bagId, String bagLabel, UUID formularyEntryId, String medicine,
        String batch, LocalDate expiry, BigDecimal quantityLeft) {
}
