package org.homeward.shared;

import java.util.UUID;

/**
 * Published by a module whenever a user reads or changes a record; the audit module writes it to the append-only
 * audit trail in the same transaction, so a change that cannot be audited is not made.
 *
 * @param patientId the patient whose record this is, or {@code null} for records that are not a patient's
 */
public record RecordAccessed(Actor actor, Action action, String recordType, String recordId, UUID patientId,
        String detail) {

    public enum Action { READ, CREATE, UPDATE, DENIED }

    /** Who did it, as the audit trail keeps it. */
    public record Actor(String username, UUID organisationId, String organisationName, String role) {
    }
}
