package org.homeward.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.shared.DateWords;
import org.homeward.note.AmendNote;
import org.homeward.note.ClinicalNote;
import org.homeward.note.NoteKind;
import org.homeward.note.NoteService;
import org.homeward.note.WriteNote;
import org.homeward.security.CurrentUser;
import org.homeward.security.UserAccount;
import org.homeward.shared.PatientId;

/**
 * The clinical notes of every current demo patient, written through {@link NoteService} by the people who would write
 * them, following the patient's stay: the visiting nurse's note of the first home visit (the children's nurse for a
 * child), the admitting consultant's daily review from the second day, a coordinator's phone review for every third
 * patient, the pharmacist's medicines advice for every fifth adult, and an MDT discussion for every seventh patient
 * in their third day or later. The first patient's visit note was amended by its author, so the demo shows a history.
 * Every time is within the stay and not after now.
 */
final class DemoNotes {

    private DemoNotes() {
    }

    static void write(NoteService notes, DemoPlan plan, Map<String, UserAccount> staff, List<PatientId> patientIds) {
        ZonedDateTime now = plan.now();
        int current = 0;
        for (int i = 0; i < plan.episodes().size(); i++) {
            EpisodePlan episode = plan.episodes().get(i);
            if (episode.stage() != EpisodePlan.Stage.ADMITTED) {
                continue;
            }
            new Stay(notes, staff, patientIds.get(i), episode, now, current++).write();
        }
    }

    /** One current patient's notes. */
    private record Stay(NoteService notes, Map<String, UserAccount> staff, PatientId patient, EpisodePlan episode,
            ZonedDateTime now, int n) {

        void write() {
            boolean child = episode.ward().isPaediatric();
            String condition = episode.referral().presentingCondition();
            String who = child ? "the parent" : "the patient";
            ClinicalNote visit = note(child ? "nurse3" : "nurse", NoteKind.VISIT_NOTE, after(Duration.ofHours(2)),
                    "First home visit. " + condition + ": settled at home, observations taken and within the range "
                            + "expected for them. Home readings link explained to " + who + ", who knows whom to call "
                            + "day and night. Plan: visits as on the home visit plan.");
            if (n == 0) {
                notes.amend(user(child ? "nurse3" : "nurse"), visit.id(), new AmendNote(visit.text()
                        + " Carer present and confident with the plan.", "Left out that the carer was present",
                        null, null, visit.version()));
            }
            LocalDate admitted = episode.admission().admittedAt().atZone(now.getZone()).toLocalDate();
            long dayOfStay = ChronoUnit.DAYS.between(admitted, now.toLocalDate()) + 1;
            if (dayOfStay >= 2) {
                note(episode.triage().decider(), NoteKind.CONSULTANT_REVIEW, reviewTime(),
                        "Senior review: " + condition.toLowerCase(Locale.UK) + ", responding to treatment at home. "
                                + "Still needs hospital-level care: continue the current plan. Estimated discharge date "
                                + DateWords.day(episode.admission().estimatedDischargeDate()) + ".");
            }
            if (n % 3 == 0) {
                note(child ? "coordinator2" : "coordinator", NoteKind.PHONE_REVIEW, earlier(Duration.ofHours(1)),
                        "Phoned " + who + ": no new concerns since the last visit; reminded to call if worse.");
            }
            if (!child && n % 5 == 1) {
                note("pharmacist", NoteKind.SPECIALIST_ADVICE, after(Duration.ofHours(4)),
                        "Medicines reconciled with the GP record. No interactions with the treatment started at home; "
                                + "hold any regular NSAID while on the virtual ward.");
            }
            if (n % 7 == 2 && dayOfStay >= 3) {
                note(episode.triage().decider(), NoteKind.MDT_DISCUSSION, earlier(Duration.ofHours(20)),
                        "Discussed at the MDT (consultant, nurse in charge, pharmacist, physiotherapist): progress as "
                                + "expected; therapy to assess mobility before discharge.");
            }
        }

        private ClinicalNote note(String username, NoteKind kind, Instant at, String text) {
            return notes.write(user(username), patient, new WriteNote(kind, text, at));
        }

        private CurrentUser user(String username) {
            return CurrentUser.of(staff.get(username));
        }

        /** Some time after admission, but not after now. */
        private Instant after(Duration gap) {
            Instant at = episode.admission().admittedAt().plus(gap);
            return at.isAfter(now.toInstant()) ? now.toInstant() : at;
        }

        /** Some time before now, but not before admission. */
        private Instant earlier(Duration gap) {
            Instant at = now.toInstant().minus(gap);
            Instant admitted = episode.admission().admittedAt();
            return at.isBefore(admitted) ? admitted : at;
        }

        /** This morning's review at 09:30 once it is past, else yesterday's. */
        private Instant reviewTime() {
            ZonedDateTime today = now.with(LocalTime.of(9, 30));
            Instant at = (today.isAfter(now) ? today.minusDays(1) : today).toInstant();
            Instant admitted = episode.admission().admittedAt();
            return at.isBefore(admitted) ? admitted : at;
        }
    }
}
