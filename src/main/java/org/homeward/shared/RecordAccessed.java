package org.homeward.shared;

import java.util.UUID;

/**
 * Published by a module whenever a user reads or changes a record; the audit module writes it to the append-only
 * audit trail in the same transaction, so a change that cannot be audited is not made. Build one with
 * {@link #read}, {@link #created}, {@link #updated} or {@link #denied}:
 * {@code RecordAccessed.created(user, AuditedRecord.SPO2_SCALE_DECISION, decision.id(), patient, "documented ...")}.
 *
 * @param patientId the patient whose record this is, or {@code null} for records that are not a patient's
 */
public record RecordAccessed(Actor actor, Action action, String recordType, String recordId, UUID patientId,
        String detail) {

    public enum Action { READ, CREATE, UPDATE, DENIED }

    /** Whoever a line names: the signed-in user, or a fixed actor such as a patient's home link or a system clock. */
    public interface By {
        Actor actor();
    }

    /**
     * Who did it, as the audit trail keeps it.
     *
     * @param viaSystemClient the client id of the system client (a device platform, an integration engine) that made
     *        the request acting as {@code username}; null when the person did it themselves
     */
    public record Actor(String username, UUID organisationId, String organisationName, String role,
            String viaSystemClient) implements By {

        /** A person, or one of Homeward's own fixed actors, acting directly (not through a system client). */
        public Actor(String username, UUID organisationId, String organisationName, String role) {
            this(username, organisationId, organisationName, role, null);
        }

        @Override
        public Actor actor() {
            return this;
        }
    }

    /**
     * A line about {@code record} {@code recordId} ({@code null}: the patient's records of that kind, or none in
     * particular), of {@code patient}'s record ({@code null}: not a patient's).
     */
    public static RecordAccessed of(By by, Action action, AuditedRecord record, Object recordId, PatientId patient,
            String detail) {
        return new RecordAccessed(by.actor(), action, record.storedAs(), recordId == null ? null : recordId.toString(),
                patient == null ? null : patient.value(), detail);
    }

    public static RecordAccessed read(By by, AuditedRecord record, Object recordId, PatientId patient, String detail) {
        return of(by, Action.READ, record, recordId, patient, detail);
    }

    public static RecordAccessed created(By by, AuditedRecord record, Object recordId, PatientId patient,
            String detail) {
        return of(by, Action.CREATE, record, recordId, patient, detail);
    }

    public static RecordAccessed updated(By by, AuditedRecord record, Object recordId, PatientId patient,
            String detail) {
        return of(by, Action.UPDATE, record, recordId, patient, detail);
    }

    /** A refusal: what was asked for and why it was refused. */
    public static RecordAccessed denied(By by, AuditedRecord record, Object recordId, PatientId patient,
            String detail) {
        return of(by, Action.DENIED, record, recordId, patient, detail);
    }
}
