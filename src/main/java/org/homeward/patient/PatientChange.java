package org.homeward.patient;

import java.time.Instant;

/** One field changed by a correction of a patient's details: who, when, from what to what, and why if given. */
public record PatientChange(Instant changedAt, String username, String displayName, String organisationName,
        ChangeSection section, String field, String oldValue, String newValue, String reason) {
}
