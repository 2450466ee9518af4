package org.homeward.observation;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * A senior clinician's documented decision that this patient's oxygen saturation is scored on NEWS2 SpO2 Scale 2
 * (hypercapnic respiratory failure, prescribed target 88-92 %; RCP 2017, Chart 1). It applies to sets taken from
 * {@code documentedAt} until {@code endedAt}.
 *
 * @param documentedBy the clinician's name and username, as NEWS2 asks for who documented it
 */
public record Scale2Decision(UUID id, PatientId patientId, String reason, String documentedBy, Instant documentedAt,
        String endedBy, Instant endedAt, String endReason) {

    /** Whether a set taken at {@code moment} is scored on Scale 2 by this decision. */
    public boolean appliesAt(Instant moment) {
        return !moment.isBefore(documentedAt) && (endedAt == null || moment.isBefore(endedAt));
    }

    public boolean active() {
        return endedAt == null;
    }
}
