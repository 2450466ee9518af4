package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.DateWords;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The medicines chart drives the visits and records what was given (KLoE 7.2, 9.1): the doses each prescription with
 * set times calls for ({@link DoseRules}), which the visit module turns into visit requirements for those given at a
 * home visit; each dose recorded once as given (time, dose, route, site, batch and expiry, the second checker where
 * the formulary asks for one) or not given with a reason; and the late-dose check, which sets a task for the visiting
 * team's coordinators when a dose is late and publishes {@link TimeCriticalDoseMissed} (an alert) when a time-critical
 * dose is still not recorded past the limit.
 */
@Service
public class AdministrationService {

    private static final Logger log = LoggerFactory.getLogger(AdministrationService.class);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    static final int MAX_TEXT = 500;
    static final int MAX_SHORT = 100;
    /** How far ahead of now a dose may be said to have been given: the phone's clock and the server's may differ. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final AdministrationRepository administrations;
    private final PrescriptionRepository prescriptions;
    private final PrescriptionService prescribing;
    private final FormularyService formulary;
    private final PatientService patients;
    private final ReferralService referrals;
    private final SecurityService security;
    private final TaskService tasks;
    private final ObjectProvider<VisitingTeams> visitingTeams;
    private final GrabBagService grabBags;
    private final org.springframework.transaction.support.TransactionTemplate eachDose;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AdministrationService(AdministrationRepository administrations, PrescriptionRepository prescriptions,
            PrescriptionService prescribing, FormularyService formulary, PatientService patients,
            ReferralService referrals, SecurityService security, TaskService tasks,
            ObjectProvider<VisitingTeams> visitingTeams, GrabBagService grabBags, ApplicationEventPublisher events,
            Clock clock, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.grabBags = grabBags;
        this.eachDose = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.eachDose.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.administrations = administrations;
        this.prescriptions = prescriptions;
        this.prescribing = prescribing;
        this.formulary = formulary;
        this.patients = patients;
        this.referrals = referrals;
        this.security = security;
        this.tasks = tasks;
        this.visitingTeams = visitingTeams;
        this.events = events;
        this.clock = clock;
    }

    /** The patient's charted doses on a day, each with where it stands now; read by anyone in the care team. */
    @Transactional
    public List<DoseLine> dosesOn(CurrentUser user, PatientId patient, LocalDate day) {
        user.require(Permission.OPEN_PATIENT_RECORDS);
        patients.requireVisible(user, patient);
        List<DoseLine> lines = lines(List.of(patient), day, null);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.MEDICINE_ADMINISTRATION, null, patient,
                "viewed the doses charted on " + day + " (" + lines.size() + ")"));
        return lines;
    }

    /** Every dose recorded for the patient, given or not, by when it was due; read by anyone in the care team. */
    @Transactional
    public List<Administration> administrationsOf(CurrentUser user, PatientId patient) {
        user.require(Permission.OPEN_PATIENT_RECORDS);
        patients.requireVisible(user, patient);
        List<Administration> recorded = administrations.ofPatient(patient);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.MEDICINE_ADMINISTRATION, null, patient,
                "viewed every recorded dose (" + recorded.size() + ")"));
        return recorded;
    }

    /** One recorded dose; read by anyone in the patient's care team. */
    @Transactional
    public Administration administration(CurrentUser user, UUID id) {
        user.require(Permission.OPEN_PATIENT_RECORDS);
        Administration recorded = administrations.find(id)
                .orElseThrow(() -> new NotFoundException("No recorded dose with id " + id));
        patients.requireVisibleRecord(user, recorded.patientId(),
                () -> new NotFoundException("No recorded dose with id " + id));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.MEDICINE_ADMINISTRATION, id, recorded.patientId(),
                "viewed a recorded dose of " + recorded.medicine()));
        return recorded;
    }

    /**
     * The doses given at a home visit (intravenous, subcutaneous, intramuscular) that these patients' charts call for
     * on {@code day} ({@code null}: every patient's): what the visit module makes visit requirements from. Internal use: the caller has chosen the
     * patients it may plan for. Nothing audited.
     */
    @Transactional(readOnly = true)
    public List<ScheduledDose> dosesForVisits(LocalDate day, Collection<PatientId> patientIds) {
        return scheduled(patientIds, day, true);
    }

    /** The doses recorded for the patient between two times (a visit's arrival and departure): the caller checked access. */
    @Transactional(readOnly = true)
    public List<Administration> recordedBetween(PatientId patient, Instant from, Instant to) {
        return administrations.recordedBetween(patient, from, to);
    }

    /**
     * Records a dose due as given or not given, once. Refused: a dose the chart does not call for (400 naming
     * {@code doseKey}), a stopped prescription (409), a dose already recorded (409 naming who), a dose or route other
     * than prescribed, an expired batch, a missing site, batch or expiry for an injection or infusion, a missing or
     * unfit second checker where one is needed, a missing reason (400 naming the field). Completes the dose's late
     * task, if one was set.
     */
    @Transactional
    public Administration record(CurrentUser user, PatientId patient, RecordAdministration c) {
        user.require(Permission.GIVE_MEDICINES);
        patients.requireVisible(user, patient);
        if (c == null || c.doseKey() == null || c.doseKey().isBlank()) {
            throw new InvalidInputException("doseKey", "Choose the dose");
        }
        DoseKey key = DoseKey.parse(c.doseKey());
        Prescription p = prescriptions.lock(key.prescription()).filter(x -> x.patientId().equals(patient))
                .orElseThrow(() -> new NotFoundException("No such dose for this patient: " + c.doseKey()));
        if (p.stopped()) {
            throw new RefusedException("This prescription of " + p.medicine() + " was stopped on "
                    + DateWords.dateTime(p.stoppedAt(), clock.getZone()) + " (" + p.stopReason()
                    + "): a dose cannot be recorded against a stopped prescription");
        }
        FormularyEntry entry = formulary.find(p.formularyEntryId()).orElseThrow();
        ScheduledDose dose = DoseRules.dosesOn(p, entry, false, key.day(), clock.getZone()).stream()
                .filter(d -> d.key().equals(c.doseKey())).findFirst()
                .orElseThrow(() -> new InvalidInputException("doseKey", "The chart has no dose of " + p.medicine()
                        + " at " + key.time() + " on " + DateWords.day(key.day())));
        administrations.lockDose(dose.key(), patient, dose.dueAt());
        administrations.ofDose(dose.key()).ifPresent(done -> {
            throw new RefusedException("This dose was already recorded as " + (done.given() ? "given" : "not given")
                    + " by " + done.recordedBy().name() + " at "
                    + DateWords.dateTime(done.recordedAt(), clock.getZone()));
        });
        if (c.outcome() == null) {
            throw new InvalidInputException("outcome", "Say whether the dose was given or not given");
        }
        Instant now = clock.instant();
        Administration made = c.outcome() == AdministrationOutcome.GIVEN ? given(user, p, entry, dose, c, now)
                : notGiven(user, p, dose, c, now);
        administrations.insert(made);
        events.publishEvent(RecordAccessed.created(user, AuditedRecord.MEDICINE_ADMINISTRATION, made.id(), patient,
                "recorded " + dose.medicine() + " due at " + HH_MM.format(dose.dueAt().atZone(clock.getZone()))
                        + ": " + (made.given() ? "given at " + HH_MM.format(made.givenAt().atZone(clock.getZone()))
                        : made.words())));
        closeLateTask(user, patient, dose, made);
        return made;
    }

    private Administration given(CurrentUser user, Prescription p, FormularyEntry entry, ScheduledDose dose,
            RecordAdministration c, Instant now) {
        Instant at = c.givenAt() == null ? now : c.givenAt();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException("givenAt", "The time given cannot be in the future");
        }
        if (at.isBefore(p.startsAt())) {
            throw new InvalidInputException("givenAt", "The time given is before the prescription started ("
                    + DateWords.dateTime(p.startsAt(), clock.getZone()) + ")");
        }
        if (c.dose() == null) {
            throw new InvalidInputException("dose", "Give the dose given, in " + p.doseUnit().label());
        }
        if (c.dose().compareTo(p.dose()) != 0) {
            throw new InvalidInputException("dose", "The dose given must be the dose prescribed (" + p.doseWords()
                    + "); a different dose needs the prescription changed first");
        }
        if (c.route() == null) {
            throw new InvalidInputException("route", "Give the route: " + p.route().label().toLowerCase());
        }
        if (c.route() != p.route()) {
            throw new InvalidInputException("route", "The route must be the route prescribed ("
                    + p.route().label().toLowerCase() + ")");
        }
        String site = optional("site", c.site(), MAX_SHORT);
        String batch = optional("batch", c.batch(), MAX_SHORT);
        LocalDate expiry = c.expiry();
        if (dose.givenAtVisit()) {
            if (site == null) {
                throw new InvalidInputException("site", "Say where it was given (the cannula, line or injection site)");
            }
            if (batch == null && c.bagItemId() == null) {
                throw new InvalidInputException("batch", "Give the batch number on the pack, or the grab-bag item");
            }
            if (expiry == null && c.bagItemId() == null) {
                throw new InvalidInputException("expiry", "Give the expiry date on the pack, or the grab-bag item");
            }
        }
        LocalDate givenOn = at.atZone(clock.getZone()).toLocalDate();
        if (expiry != null && expiry.isBefore(givenOn)) {
            throw new InvalidInputException("expiry", "This batch expired on " + DateWords.day(expiry)
                    + ": an expired medicine must not be given");
        }
        UserAccount checker = null;
        if (entry.secondChecker() || entry.controlledDrug()) {
            checker = secondChecker(user, p, entry, c);
        } else if (c.secondChecker() != null && !c.secondChecker().isBlank()) {
            checker = secondChecker(user, p, entry, c);
        }
        BagUse fromBag = null;
        if (c.bagItemId() != null) {
            // one vial or ampoule from the bag, in the dose's own transaction: a refused dose takes nothing
            fromBag = grabBags.useFromBag(user, new UseFromBag(c.bagItemId(), BigDecimal.ONE, p.patientId(),
                    entry.controlledDrug() && checker != null ? checker.username() : null,
                    "Dose of " + dose.medicine() + " due at " + HH_MM.format(dose.dueAt().atZone(clock.getZone()))));
            if (!fromBag.formularyEntryId().equals(p.formularyEntryId())) {
                throw new InvalidInputException("bagItemId", "This grab-bag item is " + fromBag.medicine()
                        + ", not the medicine prescribed (" + p.medicine() + ")");
            }
            batch = fromBag.batch();
            expiry = fromBag.expiry();
            if (expiry.isBefore(givenOn)) {
                throw new InvalidInputException("expiry", "This batch expired on " + DateWords.day(expiry)
                        + ": an expired medicine must not be given");
            }
        }
        return new Administration(UUID.randomUUID(), dose.key(), p.id(), p.patientId(), dose.medicine(),
                dose.dueAt(), AdministrationOutcome.GIVEN, null, optional("note", c.note(), MAX_TEXT), at, c.dose(),
                p.doseUnit(), c.route(), site, batch, expiry, fromBag == null ? null : c.bagItemId(),
                fromBag == null ? null : fromBag.bagLabel(),
                checker == null ? null : checker.username(), checker == null ? null : checker.displayName(),
                checker == null ? null : c.secondCheckHow(), RecordedBy.of(user), now);
    }

    /** The second checker: another person allowed to give medicines, in an organisation of the patient's care team. */
    private UserAccount secondChecker(CurrentUser user, Prescription p, FormularyEntry entry,
            RecordAdministration c) {
        String why = entry.controlledDrug() ? "a controlled drug" : "the formulary asks for a second checker for "
                + entry.name();
        if (c.secondChecker() == null || c.secondChecker().isBlank()) {
            throw new InvalidInputException("secondChecker", "Name the second checker: " + why);
        }
        if (c.secondCheckHow() == null) {
            throw new InvalidInputException("secondCheckHow", "Say how the second checker checked: in person or "
                    + "by video call");
        }
        if (entry.controlledDrug() && c.secondCheckHow() != SecondCheckHow.IN_PERSON) {
            throw new InvalidInputException("secondCheckHow", "A controlled drug is witnessed in person");
        }
        String name = c.secondChecker().trim();
        if (name.equalsIgnoreCase(user.username())) {
            throw new InvalidInputException("secondChecker", "The second checker must be someone other than you");
        }
        UserAccount checker = security.findActiveUser(name).orElseThrow(() -> new InvalidInputException(
                "secondChecker", "No active user is called " + name));
        if (!checker.can(Permission.GIVE_MEDICINES)
                || !patients.careTeamOrganisations(p.patientId()).contains(checker.organisationId())) {
            throw new InvalidInputException("secondChecker", checker.displayName() + " cannot check this dose: "
                    + "the second checker gives medicines in an organisation of the patient's care team");
        }
        return checker;
    }

    private Administration notGiven(CurrentUser user, Prescription p, ScheduledDose dose, RecordAdministration c,
            Instant now) {
        if (c.notGivenReason() == null) {
            throw new InvalidInputException("notGivenReason", "Say why the dose was not given");
        }
        String note = optional("note", c.note(), MAX_TEXT);
        if (c.notGivenReason().needsNote() && note == null) {
            throw new InvalidInputException("note", "Say more about why: " + c.notGivenReason().label().toLowerCase());
        }
        return new Administration(UUID.randomUUID(), dose.key(), p.id(), p.patientId(), dose.medicine(),
                dose.dueAt(), AdministrationOutcome.NOT_GIVEN, c.notGivenReason(), note, null, null, null, null, null,
                null, null, null, null, null, null, null, RecordedBy.of(user), now);
    }

    /** A dose recorded after its late task was set: the task is done (given) or done with the reason (not given). */
    private void closeLateTask(CurrentUser user, PatientId patient, ScheduledDose dose, Administration made) {
        tasks.openTasksOf(List.of(patient)).getOrDefault(patient, List.of()).stream()
                .filter(t -> t.origin() == TaskOrigin.MEDICINE_DOSE && dose.key().equals(t.originId()))
                .forEach(t -> tasks.completeAsDoneElsewhere(user, t.id(), "Recorded by " + user.displayName()
                        + ": " + (made.given() ? "given" : made.words().toLowerCase())));
    }

    // the late-dose check ---------------------------------------------------------------------------------------

    /**
     * Sets a task for each charted dose given at a visit that is late (its window closed, nothing recorded) and
     * publishes {@link TimeCriticalDoseMissed} for each time-critical one past the limit, once each, for admitted
     * patients; doses whose window had closed before the prescription was written are not late. Looks back over
     * today and yesterday (a dose due at 23:00 is late after midnight). Each dose in its own transaction, so one that
     * cannot be raised (logged) never holds back the others. Answers how many tasks and alerts it raised.
     */
    public int checkLateDoses(Instant now) {
        ZoneId zone = clock.getZone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant from = today.minusDays(1).atStartOfDay(zone).toInstant();
        List<Prescription> going = prescriptions.withSetTimesGoingAt(from, null).stream()
                .filter(p -> DoseRules.givenAtVisit(p.route())).toList();
        Set<PatientId> admitted = referrals.currentWards(going.stream().map(Prescription::patientId)
                .collect(Collectors.toSet())).keySet();
        List<Prescription> ofAdmitted = going.stream().filter(p -> admitted.contains(p.patientId())).toList();
        Map<UUID, FormularyEntry> entries = entries(ofAdmitted);
        Set<String> recorded = administrations.ofPatients(admitted, from, now).stream()
                .map(Administration::doseKey).collect(Collectors.toSet());
        int raised = 0;
        for (Prescription p : ofAdmitted) {
            for (LocalDate day : List.of(today.minusDays(1), today)) {
                for (ScheduledDose dose : DoseRules.dosesOn(p, entries.get(p.formularyEntryId()), false, day, zone)) {
                    if (recorded.contains(dose.key()) || !dose.latest().isAfter(p.prescribedAt())) {
                        continue;
                    }
                    DoseState state = DoseRules.state(dose, null, now);
                    if (state == DoseState.DUE) {
                        continue;
                    }
                    try {
                        Integer made = eachDose.execute(tx -> raise(p, dose, state, now));
                        raised += made == null ? 0 : made;
                    } catch (RuntimeException e) {
                        log.error("Late dose {}: could not raise its task or alert", dose.key(), e);
                    }
                }
            }
        }
        return raised;
    }

    private int raise(Prescription p, ScheduledDose dose, DoseState state, Instant now) {
        if (administrations.ofDose(dose.key()).isPresent()) {
            return 0;
        }
        int raised = 0;
        if (administrations.markLate(dose.key(), p.patientId(), dose.dueAt(), now)) {
            raised += setLateTask(p, dose, now) ? 1 : 0;
        }
        if (state == DoseState.MISSED && administrations.markMissed(dose.key(), p.patientId(), dose.dueAt(), now)) {
            events.publishEvent(new TimeCriticalDoseMissed(dose.key(), p.patientId(), dose.medicine()
                    + " due at " + HH_MM.format(dose.dueAt().atZone(clock.getZone())), dose.dueAt()));
            raised++;
        }
        return raised;
    }

    private boolean setLateTask(Prescription p, ScheduledDose dose, Instant now) {
        Optional<CurrentUser> prescriber = security.findActiveUser(p.prescribedBy().username()).map(CurrentUser::of);
        if (prescriber.isEmpty()) {
            log.warn("Late dose {}: the prescriber's account is not active, so no task was set", dose.key());
            return false;
        }
        List<OrganisationId> careTeam = patients.careTeamOrganisations(p.patientId());
        LocalDate day = dose.dueAt().atZone(clock.getZone()).toLocalDate();
        List<OrganisationId> preferred = new ArrayList<>();
        VisitingTeams teams = visitingTeams.getIfAvailable();
        if (teams != null) {
            teams.visitingTeam(p.patientId(), day).filter(careTeam::contains).ifPresent(preferred::add);
        }
        careTeam.stream().filter(o -> !preferred.contains(o)).forEach(preferred::add);
        Optional<TaskAssignee> to = tasks.roleAssignee(Role.COORDINATOR, preferred)
                .or(() -> preferred.isEmpty() ? Optional.empty() : Optional.of(TaskAssignee.team(preferred.get(0))));
        if (to.isEmpty()) {
            log.warn("Late dose {}: nobody in the patient's care team to tell", dose.key());
            return false;
        }
        String due = HH_MM.format(dose.dueAt().atZone(clock.getZone()));
        NewTask task = new NewTask(p.patientId(), "Dose late: " + dose.medicine() + " due at " + due,
                "Nothing is recorded for the " + due + " dose of " + dose.medicine() + (dose.timeCritical()
                        ? ", a time-critical medicine: it is missed (an alert) if still not given by "
                        + HH_MM.format(dose.dueAt().plus(DoseRules.MISSED_AFTER).atZone(clock.getZone()))
                        : "") + ". Find out whether it was given and record it, or arrange the visit.",
                to.get(), null, dose.timeCritical() ? TaskPriority.URGENT : TaskPriority.HIGH,
                TaskOrigin.MEDICINE_DOSE, dose.key());
        tasks.create(prescriber.get(), task);
        return true;
    }

    // internals --------------------------------------------------------------------------------------------------

    private List<DoseLine> lines(Collection<PatientId> patientIds, LocalDate day, Instant nowOrNull) {
        Instant now = nowOrNull == null ? clock.instant() : nowOrNull;
        List<ScheduledDose> doses = scheduled(patientIds, day, false);
        ZoneId zone = clock.getZone();
        Map<String, Administration> recorded = administrations.ofPatients(patientIds,
                        day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()).stream()
                .collect(Collectors.toMap(Administration::doseKey, Function.identity()));
        List<DoseLine> lines = new ArrayList<>();
        for (ScheduledDose d : doses) {
            Administration a = recorded.get(d.key());
            DoseState state = DoseRules.state(d, a == null ? null
                    : a.given() ? DoseState.GIVEN : DoseState.NOT_GIVEN, now);
            lines.add(new DoseLine(d, state, a));
        }
        return lines;
    }

    private List<ScheduledDose> scheduled(Collection<PatientId> patientIds, LocalDate day, boolean onlyAtVisit) {
        ZoneId zone = clock.getZone();
        Instant from = day.atStartOfDay(zone).toInstant();
        List<Prescription> going = prescriptions.withSetTimesGoingAt(from, patientIds).stream()
                .filter(p -> !onlyAtVisit || DoseRules.givenAtVisit(p.route())).toList();
        Map<UUID, FormularyEntry> entries = entries(going);
        Map<PatientId, Boolean> child = new HashMap<>();
        List<ScheduledDose> doses = new ArrayList<>();
        for (Prescription p : going) {
            boolean asChild = child.computeIfAbsent(p.patientId(), prescribing::dosedAsChild);
            doses.addAll(DoseRules.dosesOn(p, entries.get(p.formularyEntryId()), asChild, day, zone));
        }
        doses.sort(Comparator.comparing(ScheduledDose::dueAt).thenComparing(ScheduledDose::medicine)
                .thenComparing(ScheduledDose::key));
        return doses;
    }

    private Map<UUID, FormularyEntry> entries(List<Prescription> ps) {
        Map<UUID, FormularyEntry> entries = new HashMap<>();
        ps.forEach(p -> entries.computeIfAbsent(p.formularyEntryId(), id -> formulary.find(id).orElseThrow()));
        return entries;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
        return v;
    }

    /** A dose's name taken apart: prescription, day, time. */
    record DoseKey(UUID prescription, LocalDate day, LocalTime time) {

        static DoseKey parse(String key) {
            String[] parts = key.trim().split("/");
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException();
                }
                return new DoseKey(UUID.fromString(parts[0]), LocalDate.parse(parts[1]), LocalTime.parse(parts[2]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidInputException("doseKey", "is not a dose: expected prescription/day/time");
            }
        }
    }
}
