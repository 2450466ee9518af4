package org.homeward.medication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Stock put into a grab bag: a formulary medicine, its batch and expiry and how many. The same medicine, batch and
 * expiry adds to the item already there.
 *
 * @param reason where it came from (pharmacy order number), optional
 * @param witnessUsername for a controlled drug, the second person who checked it in, optional
 */
public record RestockBag(UUID formularyEntryId, String batch, LocalDate expiry, BigDecimal quantity, String reason,
        String witnessUsername) {
}
