package org.homeward.note;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinical notes (KLoE 5.3, 8.2): the public API of the note module. Any clinical member of a patient's care team
 * writes ({@link Permission#WRITE_CLINICAL_NOTES}; a consultant review only a senior decision-maker); everyone who
 * opens the patient's record reads them ({@link Permission#OPEN_PATIENT_RECORDS}, through
 * {@link PatientService#requireVisible}: the care team, or a break-glass opening in force). Only the author amends a
 * note, with a reason, and every earlier version is kept; nothing deletes a note. Every read, write and refusal is
 * audited as {@link AuditedRecord#CLINICAL_NOTE}; a refused or invalid request writes nothing else.
 */
@Service
public class NoteService {

    public static final int MAX_TEXT = 10_000;
    public static final int MAX_REASON = 500;
    /** How far ahead of the server's clock a note's time may be: a phone's clock a little fast is not refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final NoteRepository notes;
    private final PatientService patients;
    private final SecurityService security;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoteService(NoteRepository notes, PatientService patients, SecurityService security,
            ApplicationEventPublisher events, Clock clock) {
        this.notes = notes;
        this.patients = patients;
        this.security = security;
        this.events = events;
        this.clock = clock;
    }

    /** Writes a note on the patient's record, by the signed-in user, who must be in the patient's care team. */
    @Transactional
    public ClinicalNote write(CurrentUser user, PatientId patient, WriteNote command) {
        user.require(Permission.WRITE_CLINICAL_NOTES);
        patients.requireVisible(user, patient);
        if (command == null || command.kind() == null) {
            throw new InvalidInputException("kind", "Choose the kind of note: " + kindsInWords());
        }
        user.require(command.kind().needed());
        String text = checkedText(command.text());
        Instant now = now();
        Instant refersTo = checkedTime(command.refersTo(), now);
        String jobTitle = security.findUser(user.id()).map(UserAccount::jobTitle).orElse(null);
        NoteAuthor author = new NoteAuthor(user.username(), user.displayName(), jobTitle, user.role(),
                user.organisationId(), user.organisationName());
        ClinicalNote note = new ClinicalNote(UUID.randomUUID(), patient, command.kind(), text, refersTo, author, now,
                1, false, null);
        notes.insert(note, user.signature());
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.CLINICAL_NOTE, note.id(), patient,
                "wrote a " + note.kind().label().toLowerCase() + " (" + text.length() + " characters)"));
        return note;
    }

    /**
     * Amends a note: only its author may, giving the note's new text and the reason; the earlier version is kept and
     * shown in the note's history. Someone else is refused (403, audited): they write a note of their own instead.
     */
    @Transactional
    public ClinicalNote amend(CurrentUser user, UUID noteId, AmendNote command) {
        user.require(Permission.WRITE_CLINICAL_NOTES);
        ClinicalNote note = visibleNote(user, noteId);
        if (!writtenBy(note, user)) {
            events.publishEvent(RecordAccessed.denied(user, AuditedRecord.CLINICAL_NOTE, noteId, note.patientId(),
                    "refused to amend a note written by " + note.author().username() + ": only its author may"));
            throw new ForbiddenException("Only the note's author, " + note.author().name() + ", may amend it. Write a "
                    + "note of your own to add to it or to correct it.");
        }
        if (command == null) {
            throw new InvalidInputException("text", "Write the note as it should now read");
        }
        String text = checkedText(command.text());
        String reason = checkedReason(command.reason());
        NoteKind kind = command.kind() == null ? note.kind() : command.kind();
        user.require(kind.needed());
        Instant now = now();
        Instant refersTo = command.refersTo() == null ? note.refersTo() : checkedTime(command.refersTo(), now);
        ClinicalNote current = notes.lock(noteId).orElseThrow(() -> noSuchNote(noteId));
        if (command.version() != null && command.version() != current.version()) {
            throw new RefusedException("This note has been amended since you opened it (it is now version "
                    + current.version() + ", you amended version " + command.version() + "): read it again first");
        }
        if (text.equals(current.text()) && kind == current.kind() && refersTo.equals(current.refersTo())) {
            throw new InvalidInputException("text", "The amendment changes nothing: change the note's text, kind or "
                    + "time, or leave it as it is");
        }
        NoteVersion version = new NoteVersion(current.version() + 1, kind, text, refersTo, user.signature(), now,
                reason);
        notes.insertVersion(noteId, version, user.username());
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.CLINICAL_NOTE, noteId, note.patientId(),
                "amended a " + kind.label().toLowerCase() + " (version " + version.version() + "): " + reason));
        return notes.find(noteId).orElseThrow();
    }

    /** The patient's notes, newest first (by the time each refers to, then when it was written). */
    @Transactional
    public List<ClinicalNote> notesOf(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<ClinicalNote> found = notes.ofPatient(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.CLINICAL_NOTE, null, patient,
                "viewed " + found.size() + " clinical note(s)"));
        return found;
    }

    /** One note as it reads now. */
    @Transactional
    public ClinicalNote note(CurrentUser user, UUID noteId) {
        ClinicalNote note = visibleNote(user, noteId);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.CLINICAL_NOTE, noteId, note.patientId(),
                "viewed a " + note.kind().label().toLowerCase()));
        return note;
    }

    /** A note and every version of it, as first written first. */
    @Transactional
    public NoteHistory history(CurrentUser user, UUID noteId) {
        ClinicalNote note = visibleNote(user, noteId);
        List<NoteVersion> versions = notes.versions(noteId);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.CLINICAL_NOTE, noteId, note.patientId(),
                "viewed the history of a " + note.kind().label().toLowerCase() + " (" + versions.size()
                        + " version(s))"));
        return new NoteHistory(note, versions);
    }

    /**
     * For each of these patients who has any note, how many and the newest: for a board round's or a list's rows
     * (patients with none are left out). Internal use: the caller has checked the user may see these patients and
     * audits what it shows.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, PatientNotes> latestNotes(Collection<PatientId> patientIds) {
        return notes.latest(patientIds).stream()
                .collect(Collectors.toMap(PatientNotes::patientId, Function.identity()));
    }

    /** Whether {@code user} wrote the note, and so may amend it. */
    public static boolean writtenBy(ClinicalNote note, CurrentUser user) {
        return Objects.equals(note.author().username(), user.username());
    }

    /** The kinds of note this user may write, in the order a form offers them. */
    public static List<NoteKind> kindsWritableBy(CurrentUser user) {
        if (!user.can(Permission.WRITE_CLINICAL_NOTES)) {
            return List.of();
        }
        return java.util.Arrays.stream(NoteKind.values()).filter(k -> user.can(k.needed())).toList();
    }

    private ClinicalNote visibleNote(CurrentUser user, UUID noteId) {
        ClinicalNote note = notes.find(noteId).orElseThrow(() -> noSuchNote(noteId));
        patients.requireVisible(user, note.patientId());
        return note;
    }

    private static NotFoundException noSuchNote(UUID id) {
        return new NotFoundException("No clinical note with id " + id);
    }

    private static String checkedText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "Write the note: it must not be empty");
        }
        // a browser sends a textarea's line breaks as CR LF: kept as LF, so a note reads the same however it came
        String stripped = text.replace("\r\n", "\n").strip();
        if (stripped.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "The note must be at most " + String.format("%,d", MAX_TEXT)
                    + " characters (it has " + String.format("%,d", stripped.length()) + ")");
        }
        return stripped;
    }

    private static String checkedReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Give the reason for the amendment: it is kept with the "
                    + "earlier version");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "The reason must be at most " + MAX_REASON + " characters");
        }
        return stripped;
    }

    private static Instant checkedTime(Instant refersTo, Instant now) {
        if (refersTo == null) {
            return now;
        }
        if (refersTo.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException("refersTo", "The time the note refers to must not be in the future");
        }
        return refersTo.truncatedTo(ChronoUnit.MICROS);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String kindsInWords() {
        List<String> kinds = java.util.Arrays.stream(NoteKind.values()).map(k -> k.label().toLowerCase()).toList();
        return String.join(", ", kinds.subList(0, kinds.size() - 1)) + " or " + kinds.get(kinds.size() - 1);
    }
}
