package org.homeward.note;

import java.util.List;

/** A note as it reads now and every version of it, oldest (as first written) first. */
public record NoteHistory(ClinicalNote note, List<NoteVersion> versions) {
}
