package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A check of a grab bag as recorded: the seal found and each item counted, the discrepancies with their reasons. */
public record GrabBagCheck(UUID id, String sealFound, boolean sealIntact, String note, String by, Instant at,
        List<Count> counts) {

    /** One item counted at the check. */
    public record Count(UUID itemId, String medicine, String batch, BigDecimal book, BigDecimal counted,
            String reason) {

        public boolean discrepancy() {
            return StockRules.discrepancy(book, counted);
        }
    }

    public long discrepancies() {
        return counts.stream().filter(Count::discrepancy).count();
    }
}
