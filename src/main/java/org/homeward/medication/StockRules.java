package org.homeward.medication;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.homeward.shared.RefusedException;

/**
 * The rules of grab-bag stock, each in one method that every caller uses.
 *
 * <p>Expiry: a medicine is usable up to and including the day of its expiry date and not after it (the BNF's guidance
 * on expiry dates and the Specialist Pharmacy Service's advice that a product may be used until the end of the day
 * of the date stated); the grab bag pages warn of items expiring within {@value #EXPIRY_WARNING_DAYS} days so they
 * are restocked before they lapse (NICE NG46 1.1.3: processes for the safe storage and expiry of stock). Quantities
 * never go below zero. A count at a check that differs from the book is a discrepancy that needs its reason (NICE
 * NG46 1.5: discrepancies recorded and investigated, never corrected silently).
 */
public final class StockRules {

    /** Items expiring within this many days of today (inclusive) are shown as a warning. */
    public static final int EXPIRY_WARNING_DAYS = 30;

    private StockRules() {
    }

    /**
     * Whether an item may be used today: expired after its expiry date; expiring soon from
     * {@value #EXPIRY_WARNING_DAYS} days before it up to the day itself; in date otherwise.
     */
    public static ExpiryStatus expiry(LocalDate expiry, LocalDate today) {
        if (today.isAfter(expiry)) {
            return ExpiryStatus.EXPIRED;
        }
        if (!today.plusDays(EXPIRY_WARNING_DAYS).isBefore(expiry)) {
            return ExpiryStatus.EXPIRING_SOON;
        }
        return ExpiryStatus.IN_DATE;
    }

    /**
     * The quantity after a movement of {@code change} (negative for stock taken out); refused in words when it would go
     * below zero.
     */
    public static BigDecimal quantityAfter(BigDecimal quantity, BigDecimal change, String medicine) {
        BigDecimal after = quantity.add(change);
        if (after.signum() < 0) {
            throw new RefusedException("Not enough " + medicine + " in the bag: the book says "
                    + plain(quantity) + " left and " + plain(change.negate()) + " were asked for");
        }
        return after;
    }

    /** Whether a count at a check differs from the book quantity, which makes it a discrepancy needing a reason. */
    public static boolean discrepancy(BigDecimal book, BigDecimal counted) {
        return book.compareTo(counted) != 0;
    }

    /**
     * Whether a bag's seal counts as intact at a check: it looks intact and carries the number recorded when the bag
     * was last sealed. A bag recorded as open, or a seal with another number, is not intact whatever it looks like
     * (the bag may have been opened and resealed without a record).
     *
     * @param recorded the seal number the bag was last sealed with, {@code null} when it is recorded as open
     */
    public static boolean sealIntact(String recorded, String found, boolean looksIntact) {
        return looksIntact && recorded != null && found != null && recorded.strip().equalsIgnoreCase(found.strip());
    }

    /** A quantity as people write it: 2, 2.5, never 2.00. */
    public static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }
}
