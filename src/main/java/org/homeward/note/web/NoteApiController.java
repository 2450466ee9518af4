package org.homeward.note.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.homeward.note.AmendNote;
import org.homeward.note.ClinicalNote;
import org.homeward.note.NoteHistory;
import org.homeward.note.NoteService;
import org.homeward.note.WriteNote;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Clinical notes: written by the care team, read by every organisation in it, amended with history, never deleted. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Clinical notes", description = "Visit notes, phone and consultant reviews, specialist advice and MDT "
        + "discussions, read by every organisation in the patient's care team; amended only by the author, with a "
        + "reason and the earlier versions kept; there is no way to delete one")
class NoteApiController {

    private final NoteService notes;

    NoteApiController(NoteService notes) {
        this.notes = notes;
    }

    @PostMapping("/patients/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a note on the patient's record (clinical roles in the care team; a consultant review "
            + "only a senior decision-maker)", description = "kind and text (at most 10,000 characters) are required; "
            + "refersTo, the time the note is about, defaults to now and must not be in the future. The author's name, "
            + "job and organisation are taken from the signed-in user.")
    ClinicalNote write(CurrentUser user, @PathVariable PatientId id, @RequestBody WriteNote body) {
        return notes.write(user, id, body);
    }

    @GetMapping("/patients/{id}/notes")
    @Operation(summary = "The patient's notes, newest first (by the time each refers to), each as it reads now; "
            + "'amended' tells whether it has earlier versions")
    List<ClinicalNote> notesOf(CurrentUser user, @PathVariable PatientId id) {
        return notes.notesOf(user, id);
    }

    @PostMapping("/notes/{id}/amendments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Amend a note: its author only, with the new text and a reason; the earlier version is kept",
            description = "text (the whole note as it should now read) and reason (at most 500 characters) are "
                    + "required; kind and refersTo, if given, change them too. version, if given, must be the note's "
                    + "current version, else 409. Anyone but the author is refused with 403 (and the refusal audited). "
                    + "Answers with the note as it now reads.")
    ClinicalNote amend(CurrentUser user, @PathVariable UUID id, @RequestBody AmendNote body) {
        return notes.amend(user, id, body);
    }

    @GetMapping("/notes/{id}")
    @Operation(summary = "One note as it reads now")
    ClinicalNote note(CurrentUser user, @PathVariable UUID id) {
        return notes.note(user, id);
    }

    @GetMapping("/notes/{id}/history")
    @Operation(summary = "A note and every version of it, as first written first, each with who wrote it, when and, "
            + "for an amendment, why")
    NoteHistory history(CurrentUser user, @PathVariable UUID id) {
        return notes.history(user, id);
    }
}
