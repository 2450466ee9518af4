package org.homeward.note.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.homeward.note.AmendNote;
import org.homeward.note.ClinicalNote;
import org.homeward.note.NoteKind;
import org.homeward.note.NoteService;
import org.homeward.note.WriteNote;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's clinical notes page (newest first, and the form to write one), a note's amend page and its history;
 * all under {@code /patients/{id}}, so the patient banner is on each.
 */
@Controller
class NotePageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final NoteService notes;
    private final PatientService patients;
    private final Clock clock;

    NotePageController(NoteService notes, PatientService patients, Clock clock) {
        this.notes = notes;
        this.patients = patients;
        this.clock = clock;
    }

    /** The write form: the time the note refers to as the NHS.UK date boxes and a 24-hour time, both empty for now. */
    record NoteForm(NoteKind kind, String text, LocalDate day, String time) {
    }

    /** The amend form: the note as it should now read, why, and the version being amended. */
    record AmendForm(String text, String reason, Integer version) {
    }

    @GetMapping("/patients/{id}/notes")
    String notes(CurrentUser user, @PathVariable PatientId id, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NoteForm(null, null, null, null));
        }
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("notes", notes.notesOf(user, id));
        model.addAttribute("kinds", NoteService.kindsWritableBy(user));
        model.addAttribute("me", user.username());
        return "note/notes";
    }

    @PostMapping("/patients/{id}/notes")
    String write(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("form") NoteForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        user.require(Permission.WRITE_CLINICAL_NOTES);
        // the questions the service would refuse one at a time, asked together so the summary lists every problem
        if (form.kind() == null && !errors.hasFieldErrors("kind")) {
            errors.rejectValue("kind", "required", "Choose the kind of note");
        }
        if ((form.text() == null || form.text().isBlank()) && !errors.hasFieldErrors("text")) {
            errors.rejectValue("text", "required", "Write the note: it must not be empty");
        }
        if (!errors.hasFieldErrors("day")) {
            Instant refersTo = refersTo(form, errors);
            if (!errors.hasErrors()) {
                try {
                    ClinicalNote note = notes.write(user, id, new WriteNote(form.kind(), form.text(), refersTo));
                    redirect.addFlashAttribute("message", note.kind().label() + " saved on "
                            + patients.summary(id).displayName() + "'s record");
                    return "redirect:/patients/" + id + "/notes";
                } catch (InvalidInputException e) {
                    FormErrors.add(errors, new InvalidInputException(formField(e.field()), e.getMessage()));
                }
            }
        }
        return notes(user, id, model);
    }

    @GetMapping("/patients/{id}/notes/{noteId}/amend")
    String amendForm(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID noteId, Model model) {
        ClinicalNote note = noteOf(user, id, noteId);
        if (!NoteService.writtenBy(note, user)) {
            throw new ForbiddenException("Only the note's author, " + note.author().name()
                    + ", may amend it. Write a note of your own to add to it or to correct it.");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AmendForm(note.text(), null, note.version()));
        }
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("note", note);
        return "note/amend";
    }

    @PostMapping("/patients/{id}/notes/{noteId}/amend")
    String amend(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID noteId,
            @ModelAttribute("form") AmendForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        noteOf(user, id, noteId);
        if (!errors.hasErrors()) {
            try {
                ClinicalNote amended = notes.amend(user, noteId, new AmendNote(form.text(), form.reason(), null, null,
                        form.version()));
                redirect.addFlashAttribute("message", amended.kind().label() + " amended: the earlier version is "
                        + "kept in its history");
                return "redirect:/patients/" + id + "/notes";
            } catch (InvalidInputException e) {
                FormErrors.add(errors, e);
            } catch (RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return amendForm(user, id, noteId, model);
    }

    @GetMapping("/patients/{id}/notes/{noteId}/history")
    String history(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID noteId, Model model) {
        var history = notes.history(user, noteId);
        if (!history.note().patientId().equals(id)) {
            throw new NotFoundException("No clinical note with id " + noteId + " on this patient's record");
        }
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("history", history);
        return "note/history";
    }

    /** The note, if it is on this patient's record (a note id under another patient's path is not found). */
    private ClinicalNote noteOf(CurrentUser user, PatientId patient, UUID noteId) {
        ClinicalNote note = notes.note(user, noteId);
        if (!note.patientId().equals(patient)) {
            throw new NotFoundException("No clinical note with id " + noteId + " on this patient's record");
        }
        return note;
    }

    /**
     * The time the note refers to, from the date boxes and the time in the service's time zone; both empty means now
     * (the service's default), a time alone means today.
     */
    private Instant refersTo(NoteForm form, BindingResult errors) {
        boolean noTime = form.time() == null || form.time().isBlank();
        if (form.day() == null && noTime) {
            return null;
        }
        if (noTime) {
            errors.rejectValue("time", "required", "Give the time as well as the date, for example 14:30");
            return null;
        }
        LocalTime time;
        try {
            time = LocalTime.parse(form.time().strip(), TIME);
        } catch (DateTimeParseException e) {
            errors.rejectValue("time", "invalid", "Time must be on the 24-hour clock, for example 14:30");
            return null;
        }
        LocalDate day = form.day() == null ? LocalDate.now(clock) : form.day();
        return ZonedDateTime.of(day, time, clock.getZone()).toInstant();
    }

    /** The service names the API's field for the time; the form asks for it as a date and a time. */
    private static String formField(String field) {
        return "refersTo".equals(field) ? "time" : field;
    }
}
