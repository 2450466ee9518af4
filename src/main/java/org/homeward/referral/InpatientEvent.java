package org.homeward.referral;

import java.time.Instant;

/**
 * One event of a step-down patient's acute inpatient stay as the hospital reported it.
 *
 * @param occurredAt when it happened in the hospital (for a discharge, PV1-45)
 * @param ward the acute ward the patient is on after the event, when the hospital said
 * @param source where the event came from, for people reading it later (the HL7 message and its sender)
 * @param recordedAt when Homeward recorded it
 * @param recordedBy who recorded it: the account of the hospital's integration engine
 */
public record InpatientEvent(InpatientEventKind kind, Instant occurredAt, String ward, String source,
        Instant recordedAt, String recordedBy) {
}
