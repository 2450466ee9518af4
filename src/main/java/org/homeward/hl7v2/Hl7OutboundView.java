package org.homeward.hl7v2;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbound ADT message to the acute trust: what it says, whether the trust has acknowledged it, and while it has
 * not, how many times it was tried, why the last try failed and when the next one is.
 */
public record Hl7OutboundView(UUID id, Instant createdAt, String controlId, String triggerEvent, UUID patientId,
        String nhsNumber, boolean acknowledged, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
        String lastError, Instant acknowledgedAt, String message, String ack) {
}
