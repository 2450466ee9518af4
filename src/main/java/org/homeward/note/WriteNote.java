package org.homeward.note;

import java.time.Instant;

/**
 * A new clinical note.
 *
 * @param kind required
 * @param text required, at most {@value NoteService#MAX_TEXT} characters
 * @param refersTo the time the note is about; {@code null} means now; not in the future
 */
public record WriteNote(NoteKind kind, String text, Instant refersTo) {
}
