package org.homeward.medication;

/**
 * A source consulted, recorded on its own (for one that lists no medicines).
 *
 * @param detail which one, such as the practice or pharmacy, or {@code null} (at most 300 characters)
 */
public record ReconciliationSourceToRecord(ReconciliationSource source, String detail) {
}
