package org.homeward.hl7v2;

import java.time.Instant;

/**
 * What an administrator searches inbound messages by; every part is optional.
 *
 * @param from received at or after
 * @param to received before
 */
public record Hl7MessageQuery(String controlId, String nhsNumber, String event, Hl7Outcome outcome, Instant from,
        Instant to) {
}
