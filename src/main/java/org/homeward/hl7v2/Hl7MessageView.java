package org.homeward.hl7v2;

import java.time.Instant;
import java.util.UUID;

/**
 * One inbound HL7 v2 message as kept: who sent it, its control id and event, the raw text, what became of it and the
 * acknowledgement sent back. Segments in {@code raw} and {@code ack} are separated by carriage returns, as sent.
 */
public record Hl7MessageView(UUID id, Instant receivedAt, String sendingApplication, String sendingFacility,
        String controlId, String messageType, String triggerEvent, String version, Hl7Outcome outcome,
        String outcomeLabel, String error, String errorLocation, String nhsNumber, String localNumber, UUID patientId,
        String actedAs, UUID organisationId, String whatWasDone, String ackCode, String raw, String ack) {

    /** The raw message with one segment a line, for reading on a page. */
    public String rawLines() {
        return raw == null ? "" : raw.replace('\r', '\n');
    }

    /** The acknowledgement sent, one segment a line, or none. */
    public String ackLines() {
        return ack == null ? "none" : ack.replace('\r', '\n');
    }
}
