package org.homeward.medication;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InputText;
import org.homeward.shared.InvalidInputException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Medicines reconciliation within 24 hours of admission (NICE NG5 Medicines optimisation 2015, recommendations 1.3;
 * NICE QS120 Medicines optimisation, statement 2): the public API. Admission starts a reconciliation, not started, with
 * its 24-hour clock and a high-priority task for the pharmacists of the patient's care team due when it is; the care
 * team lists the medicines the patient took before admission from named sources ({@link
 * Permission#RECORD_MEDICINES_BEFORE_ADMISSION}: a nurse may, at the first visit); a prescriber or pharmacist decides
 * on each and resolves the discrepancies ({@link Permission#RECONCILE_MEDICINES}, rule in {@link
 * ReconciliationRules}); a pharmacist verifies ({@link Permission#VERIFY_MEDICINES_RECONCILIATION}), which completes
 * it and its task. Discharge closes an unverified one as not completed. A new reconciliation is asked for when the
 * medicines change ({@link #askForNew}), with a fresh clock and task; the earlier ones are kept. Reads are for the
 * patient's care team (others 404); every read and change is audited; a refused request writes nothing.
 */
@Service
public class ReconciliationService {

    public static final int MEDICINE_MAX = 200;
    public static final int FIELD_MAX = 100;
    public static final int NOTE_MAX = 500;
    public static final int DETAIL_MAX = 300;
    /** The task for the pharmacists: high priority, due at the end of the 24-hour clock. */
    public static final TaskPriority TASK_PRIORITY = TaskPriority.HIGH;

    private static final RecordAccessed.Actor DISCHARGE = new RecordAccessed.Actor("discharge", null,
            "Homeward (discharge)", "SYSTEM");
    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);

    private final ReconciliationRepository reconciliations;
    private final PatientService patients;
    private final ReferralService referrals;
    private final SecurityService security;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReconciliationService(ReconciliationRepository reconciliations, PatientService patients, ReferralService referrals,
            SecurityService security, TaskService tasks, ApplicationEventPublisher events, Clock clock) {
        this.reconciliations = reconciliations;
        this.patients = patients;
        this.referrals = referrals;
        this.security = security;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    // reading -----------------------------------------------------------------------------------------------------

    /** The patient's reconciliation now and every earlier one (newest first); audited. */
    @Transactional
    public ReconciliationHistory history(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        List<ReconciliationRepository.Stored> all = reconciliations.allOf(patient);
        List<Reconciliation> views = views(all);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.MEDICINES_RECONCILIATION,
                all.isEmpty() ? null : all.get(0).id(), patient, "viewed the medicines reconciliation ("
                        + all.size() + " version(s))"));
        return views.isEmpty() ? new ReconciliationHistory(null, List.of())
                : new ReconciliationHistory(views.get(0), views.subList(1, views.size()));
    }

    /**
     * The board round's column for each of these patients who has a reconciliation, in a few words (Due in 5 h,
     * Overdue by 2 h, Verified). One query however many patients. Internal use: the caller has checked the user may
     * see these patients and audits what it shows.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, String> boardWords(Collection<PatientId> patientIds) {
        Instant now = clock.instant();
        Map<PatientId, String> words = new HashMap<>();
        for (ReconciliationRepository.Stored r : reconciliations.latestOf(patientIds)) {
            words.put(r.patientId(), ReconciliationClock.boardWords(r.status(), r.dueAt(), r.verifiedAt(), now));
        }
        return words;
    }

    // changing ----------------------------------------------------------------------------------------------------

    /** Lists a medicine as a source shows it; the source is recorded as consulted. */
    @Transactional
    public Reconciliation addMedicine(CurrentUser user, PatientId patient, MedicineBeforeAdmissionToAdd command) {
        return addMedicine(user, patient, command, null);
    }

    /**
     * As {@link #addMedicine(CurrentUser, PatientId, MedicineBeforeAdmissionToAdd)}, listed earlier and written up
     * now (on paper during an outage; the demo service): {@code at} is when it was done, not in the future nor before
     * the reconciliation's clock started; {@code null} is now.
     */
    @Transactional
    public Reconciliation addMedicine(CurrentUser user, PatientId patient, MedicineBeforeAdmissionToAdd command,
            Instant at) {
        user.require(Permission.RECORD_MEDICINES_BEFORE_ADMISSION);
        patients.requireVisible(user, patient);
        if (command == null) {
            throw new InvalidInputException("source", "Choose the source the medicine is listed in: " + sources());
        }
        ReconciliationSource source = required("source", command.source(), "Choose the source the medicine is "
                + "listed in: " + sources());
        String medicine = text("medicine", "the medicine (name, strength and form)", command.medicine(), MEDICINE_MAX);
        String dose = text("dose", "the dose", command.dose(), FIELD_MAX);
        String route = text("route", "the route", command.route(), FIELD_MAX);
        String frequency = text("frequency", "how often it is taken", command.frequency(), FIELD_MAX);
        String note = optional("note", "The note", command.note(), NOTE_MAX);
        ReconciliationRepository.Stored r = openFor(user, patient);
        Instant now = doneAt(r, at);
        MedicineBeforeAdmission listed = new MedicineBeforeAdmission(UUID.randomUUID(), source, medicine, dose, route,
                frequency, note, user.signature(), now);
        reconciliations.insertSource(r.id(), patient, source, null, user.signature(), now);
        reconciliations.insertEntry(r.id(), patient, listed, user.username());
        reconciliations.markInProgress(r.id());
        audit(user, RecordAccessed.Action.CREATE, r, "listed " + medicine + " " + dose + " " + frequency + " from "
                + source.label());
        return view(r.id());
    }

    /** Records a source as consulted on its own: one that lists no medicines still counts as a source. */
    @Transactional
    public Reconciliation recordSource(CurrentUser user, PatientId patient, ReconciliationSourceToRecord command) {
        user.require(Permission.RECORD_MEDICINES_BEFORE_ADMISSION);
        patients.requireVisible(user, patient);
        ReconciliationSource source = required("source", command == null ? null : command.source(),
                "Choose the source consulted: " + sources());
        String detail = optional("detail", "Which one", command.detail(), DETAIL_MAX);
        ReconciliationRepository.Stored r = openFor(user, patient);
        reconciliations.insertSource(r.id(), patient, source, detail, user.signature(), now());
        reconciliations.markInProgress(r.id());
        audit(user, RecordAccessed.Action.CREATE, r, "recorded " + source.label() + " as consulted");
        return view(r.id());
    }

    /**
     * Decides on a listed medicine: continued, stopped, changed (with the new dose and frequency) or withheld, each
     * but continued with a reason. A later decision on the same medicine replaces it; the earlier is kept.
     */
    @Transactional
    public Reconciliation decide(CurrentUser user, PatientId patient, ReconciliationDecisionToRecord command) {
        return decide(user, patient, command, null);
    }

    /**
     * As {@link #decide(CurrentUser, PatientId, ReconciliationDecisionToRecord)}, decided at {@code at} (see
     * addMedicine).
     */
    @Transactional
    public Reconciliation decide(CurrentUser user, PatientId patient, ReconciliationDecisionToRecord command,
            Instant at) {
        user.require(Permission.RECONCILE_MEDICINES);
        patients.requireVisible(user, patient);
        if (command == null) {
            throw new InvalidInputException("medicine", "Name the listed medicine to decide on");
        }
        String medicineKey = MedicineBeforeAdmission.key(text("medicine", "the listed medicine to decide on",
                command.medicine(), MEDICINE_MAX));
        ReconciliationDecision decision = required("decision", command.decision(),
                "Choose the decision: continued, stopped, changed or withheld");
        String reason = optional("reason", "The reason", command.reason(), NOTE_MAX);
        if (decision.needsReason() && reason == null) {
            throw new InvalidInputException("reason", "Give the reason the medicine is "
                    + decision.label().toLowerCase());
        }
        String newDose = optional("newDose", "The new dose", command.newDose(), FIELD_MAX);
        String newFrequency = optional("newFrequency", "The new frequency", command.newFrequency(), FIELD_MAX);
        if (decision == ReconciliationDecision.CHANGED) {
            if (newDose == null) {
                throw new InvalidInputException("newDose", "Give the dose the medicine is changed to");
            }
            if (newFrequency == null) {
                throw new InvalidInputException("newFrequency", "Give how often the medicine is to be taken now");
            }
        } else if (newDose != null || newFrequency != null) {
            throw new InvalidInputException(newDose != null ? "newDose" : "newFrequency", "A new dose and frequency "
                    + "are given only when the medicine is changed");
        }
        ReconciliationRepository.Stored r = openFor(user, patient);
        ReconciliationRepository.Contents contents = contents(r);
        ReconciliationMedicine medicine = ReconciliationRules.medicines(contents.listed(), contents.decisions())
                .stream().filter(m -> m.key().equals(medicineKey)).findFirst()
                .orElseThrow(() -> new InvalidInputException("medicine", "No medicine " + command.medicine().strip()
                        + " is listed in this reconciliation: list it from its source first"));
        ReconciliationDecisionMade made = new ReconciliationDecisionMade(medicineKey, decision, reason, newDose,
                newFrequency, user.signature(), doneAt(r, at));
        reconciliations.insertDecision(r.id(), patient, made, user.username());
        reconciliations.markInProgress(r.id());
        audit(user, RecordAccessed.Action.UPDATE, r, "decided on " + medicine.name() + ": " + made.words());
        return view(r.id());
    }

    /** Resolves a discrepancy between sources with a note saying which is right and why. */
    @Transactional
    public Reconciliation resolve(CurrentUser user, PatientId patient, ReconciliationResolutionToRecord command) {
        user.require(Permission.RECONCILE_MEDICINES);
        patients.requireVisible(user, patient);
        String key = command == null || command.discrepancyKey() == null ? null : command.discrepancyKey().strip();
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException("discrepancyKey", "Choose the discrepancy to resolve");
        }
        String note = text("note", "which source is right and why", command.note(), NOTE_MAX);
        ReconciliationRepository.Stored r = openFor(user, patient);
        Reconciliation now = view(r.id());
        ReconciliationDiscrepancy discrepancy = now.discrepancies().stream().filter(d -> d.key().equals(key))
                .findFirst().orElseThrow(() -> new InvalidInputException("discrepancyKey", "This reconciliation has "
                        + "no such discrepancy now: read it again"));
        if (!discrepancy.kind().resolvedByNote()) {
            throw new InvalidInputException("discrepancyKey", discrepancy.medicine() + " has no decision: a note "
                    + "does not resolve that, the decision does (continue, stop, change or withhold it)");
        }
        if (discrepancy.resolved()) {
            throw new RefusedException("This discrepancy is already resolved (" + discrepancy.resolution() + ")");
        }
        ReconciliationResolution resolution = new ReconciliationResolution(key, note, user.signature(), now());
        if (!reconciliations.insertResolution(r.id(), patient, resolution, user.username())) {
            throw new RefusedException("This discrepancy was resolved by someone else a moment ago: read it again");
        }
        audit(user, RecordAccessed.Action.UPDATE, r, "resolved a discrepancy (" + discrepancy.words() + "): " + note);
        return view(r.id());
    }

    /**
     * Verifies the reconciliation: a pharmacist only. Refused (409, saying what is missing) with no source
     * consulted, a medicine without a decision or a discrepancy unresolved. Verified means complete: its task is done.
     */
    @Transactional
    public Reconciliation verify(CurrentUser user, PatientId patient) {
        return verify(user, patient, null);
    }

    /** As {@link #verify(CurrentUser, PatientId)}, verified at {@code at} (see addMedicine). */
    @Transactional
    public Reconciliation verify(CurrentUser user, PatientId patient, Instant at) {
        user.require(Permission.VERIFY_MEDICINES_RECONCILIATION);
        patients.requireVisible(user, patient);
        ReconciliationRepository.Stored r = openFor(user, patient);
        Reconciliation current = view(r.id());
        if (!current.verificationBlockers().isEmpty()) {
            throw new RefusedException("The medicines reconciliation cannot be verified yet: "
                    + String.join("; ", current.verificationBlockers()));
        }
        Instant now = doneAt(r, at);
        if (current.medicines().stream().map(ReconciliationMedicine::decision).anyMatch(d -> d != null
                && d.decidedAt().isAfter(now))) {
            throw new InvalidInputException("at", "The verification cannot be before the decisions it verifies");
        }
        reconciliations.verify(r.id(), now, user.signature(), user.username());
        Reconciliation verified = view(r.id());
        closeTask(r, user, true, verified.clockWords());
        audit(user, RecordAccessed.Action.UPDATE, r, "verified the medicines reconciliation (version " + r.version()
                + ", " + current.medicines().size() + " medicine(s)): " + verified.clockWords());
        return verified;
    }

    /**
     * Asks for a new reconciliation because the patient's medicines changed (a new discharge letter, a transfer, a new
     * supply): a new version with a fresh 24-hour clock and pharmacist's task; the earlier one is kept in the history.
     * For prescribers and pharmacists, and for the prescribing code when it sees the medicines change. Refused (409)
     * while the current one is still being done (add the new source to it) or when the patient is not admitted.
     */
    @Transactional
    public Reconciliation askForNew(CurrentUser user, PatientId patient, ReconciliationRequest command) {
        user.require(Permission.REQUEST_MEDICINES_RECONCILIATION);
        patients.requireVisible(user, patient);
        ReconciliationChangeReason reason = required("reason", command == null ? null : command.reason(),
                "Choose what changed: " + Arrays.stream(ReconciliationChangeReason.values())
                        .map(c -> c.label().toLowerCase()).collect(Collectors.joining(", ")));
        String detail = text("detail", "the reason a new reconciliation is needed", command.detail(), NOTE_MAX);
        AdmissionView admission = referrals.openAdmission(patient).orElseThrow(() -> new RefusedException(
                "This patient is not admitted: a medicines reconciliation is for an admission"));
        Optional<ReconciliationRepository.Stored> latest = reconciliations.lockLatestOf(patient);
        if (latest.isPresent() && latest.get().admissionId().equals(admission.id()) && latest.get().status().open()) {
            throw new RefusedException("The current medicines reconciliation (version " + latest.get().version()
                    + ") is still being done: list the medicines from the new source in it");
        }
        Instant now = now();
        ReconciliationRepository.Stored made = start(patient, admission.id(), now, reason, detail, user.signature(),
                now);
        audit(user, RecordAccessed.Action.CREATE, made, "asked for a new medicines reconciliation (version "
                + made.version() + "): " + reason.label() + ": " + detail);
        List<OrganisationId> careTeam = new ArrayList<>(patients.careTeamOrganisations(patient));
        if (user.can(Permission.CREATE_TASKS)) {
            setTask(made, user, careTeam, "Asked for by " + user.signature() + ": " + reason.label() + ": " + detail);
        }
        return view(made.id());
    }

    /** Whether the user may verify (to offer the button): the permission and nothing blocking. */
    public static boolean mayVerify(CurrentUser user, Reconciliation r) {
        return r != null && user.can(Permission.VERIFY_MEDICINES_RECONCILIATION) && r.readyToVerify();
    }

    // admission and discharge ---------------------------------------------------------------------------------------

    /**
     * Admission starts the reconciliation, not started, its clock from the admission time, with a task for the
     * pharmacists of the care team (the accountable clinician's organisation first) due at the end of the clock, set
     * in the accountable clinician's name. No pharmacist in the care team: no task, the clock still shows everywhere.
     */
    void startAtAdmission(PatientId patient, AdmissionId admission, Instant admittedAt,
            org.homeward.shared.UserId accountableClinician) {
        ReconciliationRepository.Stored made = start(patient, admission, admittedAt, null, null, null, now());
        List<OrganisationId> careTeam = new ArrayList<>(patients.careTeamOrganisations(patient));
        security.findUser(accountableClinician).filter(account -> careTeam.contains(account.organisationId()))
                .map(CurrentUser::of)
                .ifPresentOrElse(creator -> {
                    careTeam.remove(creator.organisationId());
                    careTeam.add(0, creator.organisationId());
                    setTask(made, creator, careTeam, "Admitted " + ReconciliationClock.words(
                            ReconciliationStatus.NOT_STARTED, admittedAt, made.dueAt(), null, null, "admission",
                            now(), clock.getZone()).toLowerCase());
                }, () -> log.warn("Medicines reconciliation {}: the accountable clinician is not in the care team, "
                        + "so no pharmacist's task was set", made.id()));
    }

    /** Discharge closes an unverified reconciliation as not completed before discharge, and cancels its task. */
    void closeAtDischarge(AdmissionId admission, String dischargedBy) {
        reconciliations.openOfAdmission(admission).ifPresent(r -> {
            reconciliations.close(r.id(), ReconciliationStatus.NOT_COMPLETED, now(), "Not completed before discharge");
            Optional<CurrentUser> discharger = security.findActiveUser(dischargedBy).map(CurrentUser::of);
            closeTask(r, discharger.orElse(null), false, "Medicines reconciliation not completed before discharge");
            RecordAccessed.By by = discharger.isPresent() ? discharger.get() : DISCHARGE;
            events.publishEvent(RecordAccessed.updated(by, AuditedRecord.MEDICINES_RECONCILIATION,
                    r.id(), r.patientId(), "closed at discharge: not completed before discharge"));
        });
    }

    /**
     * The medicines taken before admission of all the admission's reconciliations, one per medicine: a later version's
     * listing and decision replace an earlier one's, but an undecided medicine in a later version keeps the decision
     * made on it earlier. With the last version's standing in words. Internal use, not audited: for the discharge
     * medicines record, whose reader is audited there.
     */
    @Transactional(readOnly = true)
    public DischargeReconciliation forDischarge(PatientId patient, AdmissionId admission) {
        List<Reconciliation> ofAdmission = new ArrayList<>(views(reconciliations.allOf(patient)).stream()
                .filter(r -> r.admissionId().equals(admission)).toList());
        if (ofAdmission.isEmpty()) {
            return new DischargeReconciliation(List.of(), "No medicines reconciliation was recorded for this stay");
        }
        java.util.Collections.reverse(ofAdmission);
        Map<String, ReconciliationMedicine> merged = new java.util.LinkedHashMap<>();
        for (Reconciliation r : ofAdmission) {
            for (ReconciliationMedicine m : r.medicines()) {
                ReconciliationMedicine earlier = merged.get(m.key());
                merged.put(m.key(), m.decision() == null && earlier != null && earlier.decision() != null
                        ? new ReconciliationMedicine(m.key(), m.name(), m.listed(), earlier.decision()) : m);
            }
        }
        Reconciliation last = ofAdmission.get(ofAdmission.size() - 1);
        String words = last.status() == ReconciliationStatus.VERIFIED
                ? "Medicines reconciliation verified by " + last.verifiedBy() + " on " + org.homeward.shared.DateWords
                        .day(last.verifiedAt().atZone(clock.getZone()).toLocalDate())
                : "Medicines reconciliation not verified by a pharmacist before discharge: check "
                        + "the medicines taken before admission with the patient";
        return new DischargeReconciliation(List.copyOf(merged.values()), words);
    }

    /** The reconciliation as the discharge medicines record takes it: the medicines and its standing in words. */
    public record DischargeReconciliation(List<ReconciliationMedicine> medicines, String words) {
    }

    // internals ---------------------------------------------------------------------------------------------------

    private ReconciliationRepository.Stored start(PatientId patient, AdmissionId admission, Instant clockStart,
            ReconciliationChangeReason reason, String detail, String askedBy, Instant now) {
        Instant started = clockStart.truncatedTo(ChronoUnit.MICROS);
        ReconciliationRepository.Stored made = new ReconciliationRepository.Stored(UUID.randomUUID(), patient,
                admission, reconciliations.nextVersion(patient, admission), ReconciliationStatus.NOT_STARTED, started,
                ReconciliationClock.dueAt(started), reason, detail, askedBy, null, null, now, null, null, null, null,
                null);
        reconciliations.insert(made);
        return made;
    }

    private void setTask(ReconciliationRepository.Stored r, CurrentUser creator, List<OrganisationId> careTeam,
            String why) {
        Optional<TaskAssignee> pharmacists = tasks.roleAssignee(Role.PHARMACIST, careTeam);
        if (pharmacists.isEmpty()) {
            log.warn("Medicines reconciliation {}: no pharmacist in the patient's care team, so no task was set", r.id());
            return;
        }
        NewTask task = new NewTask(r.patientId(), "Medicines reconciliation"
                + (r.version() > 1 ? " (version " + r.version() + ")" : "") + ": verify within 24 hours",
                why + ". List the medicines taken before admission from their sources, decide on each, resolve the "
                        + "discrepancies and verify (NICE NG5 1.3: within 24 hours of admission, sooner for "
                        + "time-critical medicines).",
                pharmacists.get(), r.dueAt(), TASK_PRIORITY, TaskOrigin.RECONCILIATION, r.id().toString());
        TaskView made = r.dueAt().isAfter(clock.instant()) ? tasks.create(creator, task)
                : tasks.createWrittenUpLater(creator, task);
        reconciliations.setTask(r.id(), made.id(), creator.username());
    }

    /**
     * Completes (verified) or cancels (closed unverified) the reconciliation's task: by the user when they may; else
     * cancelled in the name of whoever set it, who always may, so a pharmacist of another organisation in the care team
     * still closes it.
     */
    private void closeTask(ReconciliationRepository.Stored r, CurrentUser user, boolean done, String outcome) {
        if (r.taskId() == null) {
            return;
        }
        if (user != null && user.can(Permission.SEE_WORKLIST) && patients.careTeamOrganisations(r.patientId())
                .contains(user.organisationId())) {
            TaskView task = tasks.task(user, r.taskId());
            if (!task.open()) {
                return;
            }
            if (done && tasks.mayComplete(user, task)) {
                tasks.complete(user, r.taskId(), outcome);
                return;
            }
            if (!done && tasks.mayChange(user, r.taskId())) {
                tasks.cancel(user, r.taskId(), outcome);
                return;
            }
        }
        Optional<CurrentUser> creator = Optional.ofNullable(r.taskCreatedBy()).flatMap(security::findActiveUser)
                .map(CurrentUser::of)
                .filter(c -> patients.careTeamOrganisations(r.patientId()).contains(c.organisationId()));
        if (creator.isPresent() && tasks.mayChange(creator.get(), r.taskId())) {
            tasks.cancel(creator.get(), r.taskId(), done ? "Done: " + outcome : outcome);
        } else {
            log.warn("Medicines reconciliation {}: its task {} could not be closed", r.id(), r.taskId());
        }
    }

    /** The patient's latest reconciliation, locked, if it is open and for the admission open now; refused otherwise. */
    private ReconciliationRepository.Stored openFor(CurrentUser user, PatientId patient) {
        ReconciliationRepository.Stored r = reconciliations.lockLatestOf(patient).orElseThrow(() ->
                new RefusedException("This patient has no medicines reconciliation: one starts when they are admitted"));
        AdmissionView admission = referrals.openAdmission(patient).orElseThrow(() -> new RefusedException(
                "This patient is not admitted now: their last medicines reconciliation is closed"));
        if (!r.admissionId().equals(admission.id())) {
            throw new RefusedException("The latest medicines reconciliation is of an earlier admission, not of the "
                    + "admission open now");
        }
        if (!r.status().open()) {
            throw new RefusedException("The medicines reconciliation (version " + r.version() + ") is "
                    + r.status().label().toLowerCase() + ": ask for a new reconciliation if the medicines changed");
        }
        return r;
    }

    private Reconciliation view(UUID id) {
        return views(List.of(reconciliations.find(id).orElseThrow())).get(0);
    }

    private List<Reconciliation> views(List<ReconciliationRepository.Stored> stored) {
        Map<UUID, ReconciliationRepository.Contents> contents = reconciliations.contents(
                stored.stream().map(ReconciliationRepository.Stored::id).toList());
        Instant now = clock.instant();
        return stored.stream().map(r -> view(r, contents.getOrDefault(r.id(), ReconciliationRepository.Contents.NONE),
                now)).toList();
    }

    private ReconciliationRepository.Contents contents(ReconciliationRepository.Stored r) {
        return reconciliations.contents(List.of(r.id())).getOrDefault(r.id(), ReconciliationRepository.Contents.NONE);
    }

    private Reconciliation view(ReconciliationRepository.Stored r, ReconciliationRepository.Contents c, Instant now) {
        List<ReconciliationSource> consulted = c.sources().stream().map(ReconciliationSourceConsulted::source).toList();
        List<ReconciliationMedicine> medicines = ReconciliationRules.medicines(c.listed(), c.decisions());
        List<ReconciliationDiscrepancy> discrepancies = ReconciliationRules.discrepancies(c.listed(), consulted,
                c.decisions(), c.resolutions());
        List<String> blockers = new ArrayList<>();
        if (r.status().open()) {
            if (consulted.isEmpty()) {
                blockers.add("no source has been consulted: list the medicines from at least one source, or record "
                        + "a source that lists none");
            }
            long undecided = medicines.stream().filter(m -> m.decision() == null).count();
            if (undecided > 0) {
                blockers.add(undecided + (undecided == 1 ? " medicine has" : " medicines have") + " no decision");
            }
            long unresolved = discrepancies.stream().filter(d -> !d.resolved()
                    && d.kind() != ReconciliationDiscrepancy.Kind.NO_DECISION).count();
            if (unresolved > 0) {
                blockers.add(unresolved + (unresolved == 1 ? " discrepancy between sources is" : " discrepancies "
                        + "between sources are") + " unresolved");
            }
        }
        String clockWords = ReconciliationClock.words(r.status(), r.clockStartedAt(), r.dueAt(), r.verifiedAt(),
                r.verifiedBy(), r.version() == 1 ? "admission" : "it was asked for", now, clock.getZone());
        return new Reconciliation(r.id(), r.patientId(), r.admissionId(), r.version(), r.status(), r.clockStartedAt(),
                r.dueAt(), clockWords, ReconciliationClock.overdue(r.status(), r.dueAt(), now), r.askedForReason(),
                r.askedForDetail(), r.askedForBy(), c.sources(), medicines, discrepancies, List.copyOf(blockers),
                r.verifiedBy(), r.verifiedAt(), r.closedReason(), r.taskId());
    }

    private void audit(CurrentUser user, RecordAccessed.Action action, ReconciliationRepository.Stored r,
            String detail) {
        events.publishEvent(RecordAccessed.of(user, action, AuditedRecord.MEDICINES_RECONCILIATION, r.id(),
                r.patientId(), detail));
    }

    /** When a step was done: now, or a time given for one written up later, between the clock's start and now. */
    private Instant doneAt(ReconciliationRepository.Stored r, Instant at) {
        Instant now = now();
        if (at == null) {
            return now;
        }
        Instant done = at.truncatedTo(ChronoUnit.MICROS);
        if (done.isAfter(now)) {
            throw new InvalidInputException("at", "The time it was done must not be in the future");
        }
        if (done.isBefore(r.clockStartedAt())) {
            throw new InvalidInputException("at", "The time it was done must not be before the reconciliation began");
        }
        return done;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String sources() {
        return Arrays.stream(ReconciliationSource.values()).map(ReconciliationSource::label)
                .collect(Collectors.joining(", "));
    }

    private static <T> T required(String field, T value, String message) {
        if (value == null) {
            throw new InvalidInputException(field, message);
        }
        return value;
    }

    private static String text(String field, String what, String text, int max) {
        return InputText.required(field, what, text, max);
    }

    private static String optional(String field, String label, String text, int max) {
        return InputText.optional(field, label, text, max);
    }
}
