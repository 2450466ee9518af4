package org.homeward.medication;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A check of a grab bag: the seal found on it (its number, and whether it was intact) and each item counted. A count
 * that differs from the book needs the reason it differs.
 */
public record GrabBagCheckToRecord(String sealFound, Boolean sealIntact, String note, List<ItemCount> counts) {

    /** One item counted. */
    public record ItemCount(UUID itemId, BigDecimal counted, String reason) {
    }
}
