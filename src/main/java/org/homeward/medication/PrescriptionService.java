package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.Role;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.task.NewTask;
import org.homeward.task.TaskAssignee;
import org.homeward.task.TaskOrigin;
import org.homeward.task.TaskPriority;
import org.homeward.task.TaskService;
import org.homeward.task.TaskView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prescribing for home and the pharmacist's screening. Only prescribers ({@link Permission#PRESCRIBE}) prescribe, for
 * an admitted patient in their organisation's care; every prescription passes the checks of {@link PrescribingRules}
 * (allergies recorded, allergy conflict, duplicate, route, dose range or a child's dose per kg from a weight of the
 * last 7 days, antimicrobial review) or is refused with a 400 naming the field; a confirmable finding goes on only
 * with the prescriber's reason, kept with the prescription. Each new prescription awaits a pharmacist's screening: a
 * task on the worklist of the pharmacists of the patient's care team, completed when screened. A prescription is
 * changed by stopping it and writing the new one linked to it; a stopped prescription is read-only.
 */
@Service
public class PrescriptionService {

    static final int MAX_TEXT = 500;
    static final int MAX_NOTE = 2000;
    /** How far back a start may be written: a dose given earlier today is charted, not a course long past. */
    static final Duration START_MAY_BE_PAST = Duration.ofHours(24);

    private final PrescriptionRepository prescriptions;
    private final FormularyService formulary;
    private final AllergyService allergies;
    private final PatientService patients;
    private final ReferralService referrals;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PrescriptionService(PrescriptionRepository prescriptions, FormularyService formulary, AllergyService allergies,
            PatientService patients, ReferralService referrals, TaskService tasks,
            ApplicationEventPublisher events, Clock clock) {
        this.prescriptions = prescriptions;
        this.formulary = formulary;
        this.allergies = allergies;
        this.patients = patients;
        this.referrals = referrals;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /** Prescribes a medicine from the formulary, after the checks; it then awaits the pharmacist's screening. */
    @Transactional
    public Prescription prescribe(CurrentUser user, PatientId patient, Prescribe command) {
        user.require(Permission.PRESCRIBE);
        patients.requireVisible(user, patient);
        if (referrals.openAdmission(patient).isEmpty()) {
            throw new RefusedException("The patient is not admitted to a virtual ward: medicines for home are "
                    + "prescribed during an admission");
        }
        prescriptions.lockPatient(patient);
        return write(user, patient, command, null);
    }

    /**
     * Changes a prescription: stops it with the reason and writes the new one (checked as any new prescription, the
     * old one not counted as a duplicate), linked both ways. Answers with the new prescription.
     */
    @Transactional
    public Prescription change(CurrentUser user, UUID id, ChangePrescription command) {
        user.require(Permission.PRESCRIBE);
        Prescription old = openFor(user, id);
        String reason = text("reason", "Give the reason for the change", command == null ? null : command.reason(),
                MAX_TEXT);
        prescriptions.lockPatient(old.patientId());
        Prescription made = write(user, old.patientId(), command.prescription(), old.id());
        prescriptions.stop(old.id(), made.prescribedAt(), user.username(), user.displayName(), "Changed: " + reason,
                made.id());
        cancelScreeningTask(user, old, "Prescription changed: " + reason);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.PRESCRIPTION, old.id(), old.patientId(),
                "changed " + old.medicine() + " " + old.doseWords() + " to " + made.medicine() + " "
                        + made.doseWords() + ": " + reason));
        return made;
    }

    /** Stops a prescription with the reason; it is read-only from then on. */
    @Transactional
    public Prescription stop(CurrentUser user, UUID id, StopPrescription command) {
        user.require(Permission.PRESCRIBE);
        Prescription p = openFor(user, id);
        String reason = text("reason", "Give the reason for stopping", command == null ? null : command.reason(),
                MAX_TEXT);
        prescriptions.stop(id, now(), user.username(), user.displayName(), reason, null);
        cancelScreeningTask(user, p, "Prescription stopped: " + reason);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.PRESCRIPTION, id, p.patientId(),
                "stopped " + p.medicine() + " " + p.doseWords() + ": " + reason));
        return prescriptions.find(id).orElseThrow();
    }

    /**
     * The pharmacist's screening: screened (the screening task on the worklist is completed) or queried with a note
     * the prescriber reads on the chart and as a task on their worklist. A screened prescription is not screened
     * again; a queried one is, once answered. A stopped one is refused (409).
     */
    @Transactional
    public Prescription screen(CurrentUser user, UUID id, ScreenPrescription command) {
        user.require(Permission.SCREEN_PRESCRIPTIONS);
        Prescription p = openFor(user, id);
        if (command == null || command.outcome() == null || command.outcome() == ScreeningStatus.AWAITING) {
            throw new InvalidInputException("outcome", "Choose screened or queried");
        }
        if (p.screening() == ScreeningStatus.SCREENED) {
            throw new RefusedException("This prescription was already screened by " + p.screenedBy());
        }
        String note = command.outcome() == ScreeningStatus.QUERIED
                ? text("note", "Write the query for the prescriber", command.note(), MAX_NOTE)
                : optional(command.note());
        Instant now = now();
        prescriptions.screen(id, command.outcome(), note, RecordedBy.of(user), now);
        String what = p.medicine() + " " + p.doseWords() + " " + p.route().label().toLowerCase();
        if (command.outcome() == ScreeningStatus.SCREENED) {
            completeScreeningTask(user, p, "Screened" + (note == null ? "" : ": " + note));
        } else if (user.can(Permission.CREATE_TASKS)) {
            tasks.create(user, new NewTask(p.patientId(), "Answer the pharmacist's query: " + what, note,
                    TaskAssignee.person(p.prescribedBy().username()), null, TaskPriority.HIGH,
                    TaskOrigin.PRESCRIPTION, p.id().toString()));
        }
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.PRESCRIPTION, id, p.patientId(),
                command.outcome().label().toLowerCase() + ": " + what + (note == null ? "" : " (" + note + ")")));
        return prescriptions.find(id).orElseThrow();
    }

    /** The patient's medicines chart: allergies and prescriptions, for anyone in the care team. */
    @Transactional
    public MedicinesChart chart(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<PrescriptionLine> active = new ArrayList<>();
        List<PrescriptionLine> stopped = new ArrayList<>();
        for (Prescription p : prescriptions.ofPatient(patient)) {
            PrescriptionLine line = new PrescriptionLine(p,
                    PrescribingRules.antimicrobialReviewPrompt(p, today).orElse(null));
            (p.activeAt(now) ? active : stopped).add(line);
        }
        PatientAllergies known = allergies.allergiesOf(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.PRESCRIPTION, null, patient, "viewed the "
                + "medicines chart: " + active.size() + " active, " + stopped.size() + " stopped; allergies "
                + known.status().label().toLowerCase()));
        return new MedicinesChart(known, active, stopped);
    }

    /** One prescription. */
    @Transactional
    public Prescription prescription(CurrentUser user, UUID id) {
        Prescription p = prescriptions.find(id).orElseThrow(() -> noSuch(id));
        patients.requireVisibleRecord(user, p.patientId(), () -> noSuch(id));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.PRESCRIPTION, id, p.patientId(),
                "viewed " + p.medicine()));
        return p;
    }

    /**
     * Whether the patient is dosed as a child: under 18 on the day ({@link
     * org.homeward.patient.PatientSummary#isAdultOn}), the age the BNF for Children covers, whatever the ward (a
     * 17-year-old on an adult ward is still dosed per kilogram from a recorded weight, capped at the adult maximum).
     * The one rule for prescribing, the doses' visits (a children's nurse) and, with the same age, the diagnostics
     * reference ranges; the early-warning score has its own rule ({@link org.homeward.scoring.WarningScore#forPatient}: NEWS2 is validated
     * from 16).
     */
    @Transactional(readOnly = true)
    public boolean dosedAsChild(PatientId patient) {
        return !patients.summary(patient).isAdultOn(LocalDate.now(clock));
    }

    private Prescription write(CurrentUser user, PatientId patient, Prescribe c, UUID replaces) {
        if (c == null || c.formularyEntryId() == null) {
            throw new InvalidInputException("formularyEntryId", "Choose the medicine from the formulary");
        }
        FormularyEntry entry = formulary.find(c.formularyEntryId()).orElseThrow(() ->
                new InvalidInputException("formularyEntryId", "No formulary medicine with that id"));
        PrescribingRules.routeAllowed(entry, c.route()).ifPresent(f -> {
            throw f.asException();
        });
        BigDecimal dose = PrescribingRules.doseInEntryUnit(entry, c.dose(), c.doseUnit());
        List<LocalTime> times = PrescribingRules.times(c.frequency(), c.times());
        String indication = text("indication", "Give the indication: what it is for", c.indication(), MAX_TEXT);
        Instant now = now();
        Instant startsAt = c.startsAt() == null ? now : c.startsAt().truncatedTo(ChronoUnit.MICROS);
        if (startsAt.isBefore(now.minus(START_MAY_BE_PAST))) {
            throw new InvalidInputException("startsAt", "The start must not be more than 24 hours ago");
        }
        if (c.endsAt() != null && !c.endsAt().isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "The stop must be after the start");
        }
        LocalDate reviewOn = PrescribingRules.reviewOn(entry.antimicrobial(), startsAt, c.reviewOn(),
                clock.getZone());
        Map<PrescribingCheck, String> confirmed = overrides(c.overrides());

        PatientAllergies known = allergies.allergiesOf(patient);
        PrescribingRules.allergiesRecorded(known.status()).ifPresent(f -> {
            throw f.asException();
        });
        List<CheckFinding> findings = new ArrayList<>();
        PrescribingRules.allergyConflict(entry, known.allergies()).ifPresent(findings::add);
        List<Prescription> others = prescriptions.notStopped(patient).stream()
                .filter(p -> !p.id().equals(replaces)).toList();
        PrescribingRules.duplicate(entry, entry.substanceClass(), c.route(), others, now).ifPresent(findings::add);
        BigDecimal weightKg = null;
        BigDecimal perKg = null;
        if (dosedAsChild(patient)) {
            Optional<Weight> weight = allergies.latestWeight(patient);
            PrescribingRules.childWeight(weight, LocalDate.now(clock)).ifPresent(f -> {
                throw f.asException();
            });
            weightKg = weight.get().weightKg();
            perKg = entry.doseUnit().toMilligrams(dose).map(mg -> PrescribingRules.dosePerKg(mg, weight.get()
                    .weightKg())).orElse(null);
            PrescribingRules.childDose(entry, dose, weightKg).ifPresent(findings::add);
        } else {
            PrescribingRules.adultDose(entry, dose).ifPresent(findings::add);
        }
        List<CheckFinding> unconfirmed = findings.stream().filter(f -> !confirmed.containsKey(f.check())).toList();
        if (!unconfirmed.isEmpty()) {
            throw new PrescribingRefused(unconfirmed);
        }
        List<Prescribe.Override> kept = findings.stream()
                .map(f -> new Prescribe.Override(f.check(), confirmed.get(f.check()), f.message())).toList();

        UUID id = UUID.randomUUID();
        String what = entry.name() + " " + PrescribingRules.plain(c.dose()) + " " + c.doseUnit().label() + " "
                + c.route().label().toLowerCase() + ", " + c.frequency().label().toLowerCase();
        UUID taskId = screeningTask(user, patient, id, what, entry).map(TaskView::id).orElse(null);
        Prescription p = new Prescription(id, patient, entry.id(), entry.version(), entry.name(), c.dose(),
                c.doseUnit(), c.route(), c.frequency(), times, startsAt, c.endsAt(), indication, reviewOn,
                entry.antimicrobial(), entry.substanceClass(), weightKg, perKg, RecordedBy.of(user), now, kept,
                ScreeningStatus.AWAITING, null, null, null, taskId, null, null, null, replaces, null);
        prescriptions.insert(p, user.username());
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.PRESCRIPTION, id, patient, "prescribed "
                + what + " for " + indication + (kept.isEmpty() ? "" : "; confirmed past: " + kept.stream()
                        .map(o -> o.check().label().toLowerCase() + " (" + o.reason() + ")").toList())));
        return prescriptions.find(id).orElseThrow();
    }

    /** A task for the pharmacists of the care team (the prescriber's organisation first); none when none is there. */
    private Optional<TaskView> screeningTask(CurrentUser user, PatientId patient, UUID id, String what,
            FormularyEntry entry) {
        List<OrganisationId> careTeam = new ArrayList<>(patients.careTeamOrganisations(patient));
        if (careTeam.remove(user.organisationId())) {
            careTeam.add(0, user.organisationId());
        }
        Optional<TaskAssignee> pharmacists = tasks.roleAssignee(Role.PHARMACIST, careTeam);
        if (pharmacists.isEmpty() || !user.can(Permission.CREATE_TASKS)) {
            return Optional.empty();
        }
        return Optional.of(tasks.create(user, new NewTask(patient, "Screen the prescription: " + what,
                "New prescription awaiting pharmacist screening. Open the patient's Medicines page to screen it.",
                pharmacists.get(), null, entry.timeCritical() ? TaskPriority.HIGH : TaskPriority.ROUTINE,
                TaskOrigin.PRESCRIPTION, id.toString())));
    }

    private void completeScreeningTask(CurrentUser user, Prescription p, String outcome) {
        if (p.screeningTaskId() == null) {
            return;
        }
        TaskView task = tasks.task(user, p.screeningTaskId());
        if (tasks.mayComplete(user, task)) {
            tasks.complete(user, task.id(), outcome);
        }
    }

    private void cancelScreeningTask(CurrentUser user, Prescription p, String reason) {
        if (p.screeningTaskId() == null || p.screening() == ScreeningStatus.SCREENED) {
            return;
        }
        TaskView task = tasks.task(user, p.screeningTaskId());
        if (task.open() && tasks.mayChange(user, task.id())) {
            tasks.cancel(user, task.id(), reason);
        }
    }

    private Prescription openFor(CurrentUser user, UUID id) {
        Prescription found = prescriptions.find(id).orElseThrow(() -> noSuch(id));
        patients.requireVisible(user, found.patientId());
        Prescription p = prescriptions.lock(id).orElseThrow();
        if (p.stopped()) {
            throw new RefusedException("This prescription was stopped on " + org.homeward.shared.DateWords.day(
                    p.stoppedAt().atZone(clock.getZone()).toLocalDate()) + " by " + p.stoppedBy()
                    + " and is read-only: prescribe again instead");
        }
        return p;
    }

    private static Map<PrescribingCheck, String> overrides(List<Prescribe.Override> given) {
        Map<PrescribingCheck, String> confirmed = new EnumMap<>(PrescribingCheck.class);
        for (Prescribe.Override o : given == null ? List.<Prescribe.Override>of() : given) {
            if (o == null || o.check() == null) {
                throw new InvalidInputException("overrides", "Name the check each confirmation is for");
            }
            String reason = text("overrides", "Give the reason for confirming past the "
                    + o.check().label().toLowerCase() + " check", o.reason(), MAX_TEXT);
            if (confirmed.put(o.check(), reason) != null) {
                throw new InvalidInputException("overrides", "Confirm each check once");
            }
        }
        return confirmed;
    }

    private static NotFoundException noSuch(UUID id) {
        return new NotFoundException("No prescription with id " + id);
    }

    private static String text(String field, String ask, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, ask + ": it must not be empty");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
