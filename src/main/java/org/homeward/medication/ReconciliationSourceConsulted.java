package org.homeward.medication;

import java.time.Instant;

/**
 * A source consulted for the reconciliation: recorded when a medicine is listed from it, or on its own when it lists
 * no medicines.
 *
 * @param detail which one, such as Dorchester Health Centre, or {@code null}
 */
public record ReconciliationSourceConsulted(ReconciliationSource source, String detail, String recordedBy,
        Instant recordedAt) {
}
