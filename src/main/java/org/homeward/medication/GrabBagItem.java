package org.homeward.medication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One item of a grab bag's contents: medicine, batch, expiry (with its status today) and the book quantity. */
public record GrabBagItem(UUID id, UUID formularyEntryId, String medicine, boolean controlledDrug, String batch,
        LocalDate expiry, BigDecimal quantity, ExpiryStatus expiryStatus) {
}
