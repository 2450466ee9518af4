package org.homeward.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the audit trail.
 *
 * @param masked the line is about a patient outside the reader's organisation's care: the patient id, record id and
 *     detail (which can hold a name or an NHS number) are withheld
 * @param viaSystemClient the client id of the system client that acted as {@code username}; null when the person
 *     acted themselves
 * @param viaSystemClientName that client's registered name (a device platform's, an integration engine's); null with
 *     no client
 */
public record AuditEntry(long id, Instant occurredAt, String username, String organisationName, String role,
        String action, String recordType, String recordId, UUID patientId, String detail, boolean masked,
        String viaSystemClient, String viaSystemClientName) {

    static final String OUTSIDE_CARE = "Patient outside your organisation's care";
    static final String OTHER_ORGANISATIONS_SEARCH = "Search by another organisation (search words withheld)";

    AuditEntry maskedAsOutsideCare() {
        return new AuditEntry(id, occurredAt, username, organisationName, role, action, recordType, null, null,
                OUTSIDE_CARE, true, viaSystemClient, viaSystemClientName);
    }

    AuditEntry withDetail(String withheld) {
        return new AuditEntry(id, occurredAt, username, organisationName, role, action, recordType, recordId,
                patientId, withheld, true, viaSystemClient, viaSystemClientName);
    }

    AuditEntry withClientName(String name) {
        return new AuditEntry(id, occurredAt, username, organisationName, role, action, recordType, recordId,
                patientId, detail, masked, viaSystemClient, name);
    }
}
