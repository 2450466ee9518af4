package org.homeward.note;

import java.time.Instant;

/**
 * One version of a note: version 1 as first written, each later one an amendment by the author with its reason.
 *
 * @param writtenBy who wrote this version, "Dr Asha Patel (apatel)"
 * @param reason why the note was amended, or {@code null} for version 1
 */
public record NoteVersion(int version, NoteKind kind, String text, Instant refersTo, String writtenBy,
        Instant writtenAt, String reason) {

    public boolean original() {
        return version == 1;
    }
}
