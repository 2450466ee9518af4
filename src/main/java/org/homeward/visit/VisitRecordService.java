package org.homeward.visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.rota.RotaService;
import org.homeward.rota.StaffShift;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.DateWords;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens at the visits of a day plan: a staff member's own list for the day, their arrival and departure at
 * each visit with what they gave and the outcome, and the missed, overdue and late visits a coordinator must chase.
 * A visit is recorded by the staff member it is planned for; a coordinator or senior may record for them (a nurse
 * who phones in).
 */
@Service
public class VisitRecordService {

    /** A visit not arrived at this long after its planned start is overdue, while its window is still open. */
    static final Duration OVERDUE_AFTER = Duration.ofMinutes(15);
    /** An arrival or departure may be recorded this far ahead of the server clock (phones drift). */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);

    private final DayPlanRepository plans;
    private final VisitRecordRepository records;
    private final RotaService shifts;
    private final PatientService patients;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VisitRecordService(DayPlanRepository plans, VisitRecordRepository records, RotaService shifts,
            PatientService patients, ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.records = records;
        this.shifts = shifts;
        this.patients = patients;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Each of these patients' last visit made and next visit planned (today's or tomorrow's current plan of each
     * visiting team, from now on): two queries whatever the number of patients, for the board round. Patients with
     * neither are left out. Internal use: the caller has already narrowed to patients the user may see and audits the
     * list it shows.
     */
    @Transactional(readOnly = true)
    public Map<PatientId, PatientVisitSummary> lastAndNextVisits(java.util.Collection<PatientId> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Map<PatientId, Instant> last = records.lastVisits(patientIds);
        Map<PatientId, VisitRecordRepository.NextVisit> next = records.nextPlannedVisits(patientIds, today, today.plusDays(1), now);
        Map<PatientId, PatientVisitSummary> visits = new HashMap<>();
        for (PatientId patient : patientIds) {
            Instant lastAt = last.get(patient);
            VisitRecordRepository.NextVisit nextVisit = next.get(patient);
            if (lastAt != null || nextVisit != null) {
                visits.put(patient, new PatientVisitSummary(patient, lastAt,
                        nextVisit == null ? null : nextVisit.startsAt(),
                        nextVisit == null ? null : nextVisit.what()));
            }
        }
        return visits;
    }

    /** The visits the current plan gives the user on {@code day}, in route order, with what is recorded so far. */
    @Transactional
    public List<MyVisit> myVisits(CurrentUser user, LocalDate day) {
        Set<UUID> mine = myShifts(user, day);
        if (mine.isEmpty()) {
            return List.of();
        }
        DayPlan plan = plans.current(user.organisationId(), day).orElse(null);
        if (plan == null) {
            return List.of();
        }
        Map<String, VisitRecord> recorded = byVisit(records.onDay(day));
        List<MyVisit> list = new ArrayList<>();
        plan.visits().stream().filter(v -> v.planned() && mine.contains(v.shiftId()))
                .sorted(Comparator.comparing(PlannedVisit::startsAt))
                .forEach(v -> list.add(new MyVisit(v, patients.record(user, v.patientId()), recorded.get(v.visitId()))));
        return list;
    }

    /**
     * What changed in the user's own visits on {@code day} since the plan version they last marked read (or, never
     * having marked any, since the day's first plan): only real changes, a visit new to them, no longer theirs, or
     * moved in time.
     */
    @Transactional
    public MyPlanChanges myChanges(CurrentUser user, LocalDate day) {
        Set<UUID> mine = myShifts(user, day);
        DayPlan current = plans.current(user.organisationId(), day).orElse(null);
        if (mine.isEmpty() || current == null) {
            return MyPlanChanges.none();
        }
        int read = plans.readVersion(user.id().value(), user.organisationId(), day).orElse(1);
        if (read >= current.version()) {
            return new MyPlanChanges(current.version(), current.version(), List.of());
        }
        DayPlan baseline = plans.version(user.organisationId(), day, read).orElse(null);
        if (baseline == null) {
            return new MyPlanChanges(current.version(), current.version(), List.of());
        }
        MyPlanChanges changes = MyPlanChanges.between(baseline, current, mine, DayPlanService.NOTICEABLE_SHIFT);
        Set<PatientId> visible = patients.visibleSummaries(user, changes.changes().stream()
                .map(MyPlanChange::patientId).collect(Collectors.toSet())).stream().map(PatientSummary::id)
                .collect(Collectors.toSet());
        return new MyPlanChanges(changes.readVersion(), changes.currentVersion(), changes.changes().stream()
                .filter(c -> visible.contains(c.patientId())).toList());
    }

    /**
     * Marks the changes to the user's visits on {@code day} read up to plan {@code version} (the version they were
     * shown): they are not shown again, on any device, until a later version changes their visits again.
     */
    @Transactional
    public void markChangesRead(CurrentUser user, LocalDate day, int version) {
        DayPlan current = plans.current(user.organisationId(), day)
                .orElseThrow(() -> new NotFoundException("No visit plan for " + day));
        if (version < 1 || version > current.version()) {
            throw new InvalidInputException("version", "version must be between 1 and " + current.version()
                    + ", the day's current plan");
        }
        plans.markRead(user.id().value(), user.organisationId(), day, version, clock.instant());
    }

    /**
     * What is recorded so far at the day's visits, for the day view's counts: the caller keeps only the records of
     * the plan's visits it already shows (the plan is cut to the patients the user may see).
     */
    @Transactional(readOnly = true)
    public List<VisitRecord> recordedOn(CurrentUser user, LocalDate day) {
        user.require(Permission.SEE_VISIT_PLAN);
        return records.onDay(day);
    }

    /** One of the day's visits, for the staff member planned to make it or a coordinator. */
    @Transactional
    public MyVisit visit(CurrentUser user, LocalDate day, String visitId) {
        PlannedVisit planned = plannedFor(user, day, visitId);
        return new MyVisit(planned, patients.record(user, planned.patientId()),
                records.find(day, visitId).orElse(null));
    }

    /** Records arrival at a visit, at {@code at} or now. A visit is arrived at once. */
    @Transactional
    public VisitRecord arrive(CurrentUser user, LocalDate day, String visitId, Instant at) {
        PlannedVisit planned = plannedFor(user, day, visitId);
        Instant now = clock.instant();
        Instant arrived = at == null ? now : at;
        if (arrived.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidInputException("arrivedAt", "arrivedAt cannot be in the future");
        }
        if (arrived.isBefore(day.atStartOfDay(clock.getZone()).toInstant())) {
            throw new InvalidInputException("arrivedAt", "arrivedAt must be on " + DateWords.day(day));
        }
        VisitRecord record = new VisitRecord(day, visitId, planned.patientId(), planned.shiftId(),
                planned.staffName(), arrived, null, null, null, null, user.username(), now);
        if (!records.insertArrival(record)) {
            VisitRecord existing = records.find(day, visitId).orElseThrow();
            throw new RefusedException("This visit was already recorded as arrived at "
                    + existing.arrivedAt().atZone(clock.getZone()).toLocalTime().withNano(0) + " by "
                    + existing.recordedBy());
        }
        audit(user, planned, "arrived for " + planned.kind().label());
        return record;
    }

    /** Records leaving a visit, with the outcome and what was given. Only a visit under way can be left. */
    @Transactional
    public VisitRecord depart(CurrentUser user, LocalDate day, String visitId, RecordVisit command) {
        PlannedVisit planned = plannedFor(user, day, visitId);
        if (command == null || command.outcome() == null) {
            throw new InvalidInputException("outcome", "outcome is required, one of "
                    + java.util.Arrays.toString(VisitOutcome.values()));
        }
        String given = text("given", command.given(), 1000);
        String notes = text("notes", command.notes(), 2000);
        if (command.outcome() != VisitOutcome.COMPLETED && notes == null) {
            throw new InvalidInputException("notes", "notes are required when a visit is not completed as planned: "
                    + "say what happened and what was done about it");
        }
        if (command.outcome().careGiven() && given == null) {
            throw new InvalidInputException("given", "given is required when care was given: the doses, feed or "
                    + "treatment, as you would write them in the notes");
        }
        VisitRecord arrival = records.find(day, visitId).orElseThrow(() -> new RefusedException(
                "Record your arrival at this visit before leaving it"));
        if (!arrival.underWay()) {
            throw new RefusedException("This visit was already recorded as finished by " + arrival.recordedBy());
        }
        Instant now = clock.instant();
        Instant departed = command.departedAt() == null ? now : command.departedAt();
        if (departed.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidInputException("departedAt", "departedAt cannot be in the future");
        }
        if (departed.isBefore(arrival.arrivedAt())) {
            throw new InvalidInputException("departedAt", "departedAt cannot be before the arrival at "
                    + arrival.arrivedAt().atZone(clock.getZone()).toLocalTime().withNano(0));
        }
        VisitRecord done = new VisitRecord(day, visitId, arrival.patientId(), arrival.shiftId(), arrival.staffName(),
                arrival.arrivedAt(), departed, command.outcome(), given, notes, user.username(), now);
        if (!records.recordDeparture(done)) {
            throw new RefusedException("This visit was recorded as finished by someone else a moment ago");
        }
        audit(user, planned, "left " + planned.kind().label() + ": " + command.outcome().label());
        return done;
    }

    /**
     * The day's visits a coordinator must look at now: missed, overdue, late and not done, in time order. Only the
     * visits of patients the user may see.
     */
    @Transactional
    public List<VisitException> exceptions(CurrentUser user, LocalDate day) {
        user.require(Permission.SEE_MISSED_VISITS);
        DayPlan plan = plans.current(user.organisationId(), day).orElse(null);
        if (plan == null) {
            return List.of();
        }
        Map<PatientId, String> names = patients.visibleSummaries(user,
                plan.visits().stream().map(PlannedVisit::patientId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(PatientSummary::id, PatientSummary::displayName));
        Map<String, VisitRecord> recorded = byVisit(records.onDay(day));
        Instant now = clock.instant();
        List<VisitException> found = new ArrayList<>();
        for (PlannedVisit v : plan.visits()) {
            String name = names.get(v.patientId());
            if (name == null) {
                continue;
            }
            VisitRecord r = recorded.get(v.visitId());
            VisitException.Kind kind = VisitExceptions.kindOf(v, r, now, OVERDUE_AFTER);
            if (kind != null) {
                found.add(new VisitException(kind, v, r, name, VisitExceptions.since(kind, v, r)));
            }
        }
        found.sort(Comparator.comparing(VisitException::since).thenComparing(e -> e.visit().visitId()));
        VisitAudit.listed(events, user, AuditedRecord.VISIT_EXCEPTIONS, plan.id(),
                found.stream().map(e -> e.visit().patientId()).collect(Collectors.toSet()),
                "listed among the missed and late visits of " + day + " (" + found.size() + " visits)");
        return found;
    }

    private PlannedVisit plannedFor(CurrentUser user, LocalDate day, String visitId) {
        if (visitId == null || visitId.isBlank()) {
            throw new InvalidInputException("visitId", "visitId is required");
        }
        PlannedVisit planned = plans.current(user.organisationId(), day).flatMap(plan -> plan.visits().stream()
                .filter(v -> v.visitId().equals(visitId) && v.planned()).findFirst())
                .orElseThrow(() -> new NotFoundException("No visit " + visitId + " in the plan for " + day));
        patients.requireVisible(user, planned.patientId());
        if (!user.can(Permission.RECORD_OTHERS_VISITS)
                && !myShifts(user, day).contains(planned.shiftId())) {
            throw new org.homeward.shared.ForbiddenException("This visit is planned for " + planned.staffName()
                    + "; ask the coordinator to re-plan it to you");
        }
        return planned;
    }

    private Set<UUID> myShifts(CurrentUser user, LocalDate day) {
        return shifts.shiftsStartingBetween(user.organisationId(), day.atStartOfDay(clock.getZone()).toInstant(),
                day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()).stream()
                .filter(s -> s.userId().equals(user.id())).map(StaffShift::id).collect(Collectors.toSet());
    }

    private static Map<String, VisitRecord> byVisit(List<VisitRecord> list) {
        Map<String, VisitRecord> map = new HashMap<>();
        list.forEach(r -> map.put(r.visitId(), r));
        return map;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field, field + " must be at most " + max + " characters");
        }
        return value.strip();
    }

    private void audit(CurrentUser user, PlannedVisit visit, String detail) {
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.VISIT_RECORD, visit.visitId(), visit.patientId(),
                detail));
    }
}
