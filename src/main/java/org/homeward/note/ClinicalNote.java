package org.homeward.note;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * A clinical note as it reads now: its newest version.
 *
 * @param refersTo the time the note is about (the visit, the call, the discussion); not after it was written
 * @param writtenAt when the note was first written
 * @param version 1 as written; each amendment adds one
 * @param amended whether the note has been amended since it was written (its history then has every earlier version)
 * @param amendedAt when it was last amended, or {@code null}
 */
public record ClinicalNote(UUID id, PatientId patientId, NoteKind kind, String text, Instant refersTo,
        NoteAuthor author, Instant writtenAt, int version, boolean amended, Instant amendedAt) {
}
