package org.homeward.note;

import java.time.Instant;

/**
 * An amendment by a note's author: the note's new text, and why. The earlier version is kept.
 *
 * @param text required, the whole note as it should now read, at most {@value NoteService#MAX_TEXT} characters
 * @param reason required, at most {@value NoteService#MAX_REASON} characters ("wrong dose written: 4.5 g, not 45 g")
 * @param kind {@code null} keeps the note's kind
 * @param refersTo {@code null} keeps the time the note refers to
 * @param version the version the author is amending, if known: a different current version (the author amended it
 *        elsewhere meanwhile) is refused with 409 rather than overwriting that amendment unseen
 */
public record AmendNote(String text, String reason, NoteKind kind, Instant refersTo, Integer version) {
}
