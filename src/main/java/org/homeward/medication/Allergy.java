package org.homeward.medication;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * An allergy or adverse reaction as it reads now (its newest version).
 *
 * @param formularyEntryId the formulary medicine it names, or {@code null}
 * @param substanceClass the class it belongs to (penicillins), or {@code null}
 * @param enteredInError recorded in error: kept and shown as such, never used by the checks
 * @param firstRecordedAt when it was first recorded; {@code recordedAt} is when this version was
 */
public record Allergy(UUID id, PatientId patientId, int version, String substance, UUID formularyEntryId,
        SubstanceClass substanceClass, String reaction, AllergySeverity severity, AllergyCertainty certainty,
        ReactionKind kind, boolean enteredInError, RecordedBy recordedBy, Instant recordedAt, Instant firstRecordedAt,
        String reason) {

    /** 'Penicillins (severe)': as the banner lists it. */
    public String words() {
        return substance + " (" + severity.label().toLowerCase() + ")";
    }
}
