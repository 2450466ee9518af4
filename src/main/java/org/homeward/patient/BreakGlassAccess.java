package org.homeward.patient;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.PatientId;

/** A time-limited opening of one record by one clinician outside their organisation's care team. */
public record BreakGlassAccess(UUID id, PatientId patientId, NhsNumber nhsNumber, String patientName,
        String username, String displayName, String organisationName, BreakGlassRelationship relationship,
        String reason, Instant openedAt, Instant expiresAt) {

    public boolean activeAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
