package org.homeward.hl7v2;

import java.time.LocalDate;

/**
 * What an administrator searches inbound messages by; every part is optional.
 *
 * @param from received on or after this day (the service's time zone)
 * @param to received on or before this day
 */
public record Hl7MessageQuery(String controlId, String nhsNumber, String event, Hl7Outcome outcome, LocalDate from,
        LocalDate to) {
}
