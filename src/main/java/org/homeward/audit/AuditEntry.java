package org.homeward.audit;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail. */
public record AuditEntry(long id, Instant occurredAt, String username, String organisationName, String role,
        String action, String recordType, String recordId, UUID patientId, String detail) {
}
