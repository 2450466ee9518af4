package org.homeward.medication;

import java.time.Instant;
import java.util.UUID;

/**
 * A grab bag in its organisation's list: seal, how many items, and how many are expired or expiring within 30 days.
 *
 * @param lastCheckedAt when it was last checked, or {@code null} if never
 */
public record GrabBagSummary(UUID id, String label, String keptAt, String sealNumber, boolean sealed, int items,
        int expired, int expiringSoon, Instant lastCheckedAt) {
}
