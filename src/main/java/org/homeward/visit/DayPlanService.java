package org.homeward.visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.careplan.InterventionKind;
import org.homeward.patient.PatientService;
import org.homeward.rota.RotaService;
import org.homeward.rota.StaffShift;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.DateWords;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RecordsAccessed;
import org.homeward.shared.RefusedException;
import org.homeward.visit.routing.Location;
import org.homeward.visit.routing.Replanning;
import org.homeward.visit.routing.RouteEvaluation;
import org.homeward.visit.routing.RouteEvaluator;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.RoutePlanner;
import org.homeward.visit.routing.SolveLimits;
import org.homeward.visit.routing.Staff;
import org.homeward.visit.routing.StartedVisit;
import org.homeward.visit.routing.StraightLineTravel;
import org.homeward.visit.routing.TravelTimeModel;
import org.homeward.visit.routing.Visit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans a day's home visits: the visits due from every admitted patient's interventions, the day's shifts, routed by
 * the solver (Timefold) with the service's travel model, checked by the independent route evaluator, and stored as a
 * new version of the day's plan.
 */
@Service
public class DayPlanService {

    private final VisitService visits;
    private final RotaService shifts;
    private final DayPlanRepository plans;
    private final PatientService patients;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TravelTimeModel travel;
    private final SolveLimits limits;
    private final SolveLimits replanLimits;
    private final VisitRecordRepository records;
    private final org.homeward.ward.WardService wards;
    private final VisitSkills skills;

    /** A visit whose start moves by less than this after a re-plan is not reported as changed. */
    static final Duration NOTICEABLE_SHIFT = Duration.ofMinutes(10);

    DayPlanService(VisitService visits, RotaService shifts, DayPlanRepository plans, PatientService patients,
            VisitRecordRepository records, org.homeward.ward.WardService wards, ApplicationEventPublisher events,
            Clock clock,
            @Value("${homeward.visits.child-visits-by-adult-staff:}") String childVisitsByAdultStaff,
            @Value("${homeward.visits.road-factor:1.3}") double roadFactor,
            @Value("${homeward.visits.average-speed-kmh:40}") double averageSpeedKmh,
            @Value("${homeward.visits.solve-time:PT5S}") Duration solveTime,
            @Value("${homeward.visits.replan-time:PT2S}") Duration replanTime,
            @Value("${homeward.visits.solve-steps:0}") long solveSteps,
            @Value("${homeward.visits.stop-when-unimproved-for:PT1S}") Duration unimprovedFor) {
        this.records = records;
        this.wards = wards;
        this.skills = new VisitSkills(java.util.Arrays.stream(childVisitsByAdultStaff.split(","))
                .map(String::strip).filter(k -> !k.isEmpty()).map(InterventionKind::valueOf)
                .collect(Collectors.toSet()));
        this.visits = visits;
        this.shifts = shifts;
        this.plans = plans;
        this.patients = patients;
        this.events = events;
        this.clock = clock;
        this.travel = StraightLineTravel.byRoad(roadFactor, averageSpeedKmh);
        // a step count (tests) never replaces the time limit: on a small day every move can be unacceptable, and a
        // local-search step then never ends; the time limit, and a second without a better plan, are checked move
        // by move and stop it
        this.limits = new SolveLimits(solveTime, Math.max(0, solveSteps), 0, unimprovedFor);
        this.replanLimits = new SolveLimits(replanTime, Math.max(0, solveSteps), 0, unimprovedFor);
    }

    /**
     * Plans the day and stores it as the day's newest plan. The day's first plan is made from scratch. Once it has a
     * plan, planning again re-plans from the current plan at this moment: visits already started or done stay where
     * they are, nobody is sent to a visit in the past, and what changed is recorded for the staff it concerns.
     * Coordinators and seniors plan.
     */
    @Transactional
    public DayPlan plan(CurrentUser user, LocalDate day) {
        user.require(Permission.PLAN_VISITS);
        return planDay(user, user.organisationId(), day, null, false).plan();
    }

    /**
     * Asks for an urgent visit for today and plans it at once into the day of the team that visits the patient,
     * whoever asks (see {@link #visitingTeam}): a day that has a plan is re-planned around it, a day with none is
     * planned there and then, so the answer names who goes and when, or says plainly that nobody on shift can and whom
     * to phone. A second urgent visit for the same patient in an overlapping window is refused, naming the first.
     * The answer lists the other visits it moved and, by name, any pushed out of its window. Clinicians, seniors and
     * coordinators ask for urgent visits.
     */
    @Transactional
    public ReplanOutcome requestUrgentVisit(CurrentUser user, RequestUrgentVisit command) {
        UrgentVisit urgent = visits.requestUrgentVisit(user, command);
        OrganisationId team = visitingTeam(user, urgent);
        String patient = patients.summary(urgent.patientId()).displayName();
        Made made = planDay(user, team, urgent.date(), "urgent " + urgent.kind().label().toLowerCase() + " for "
                + patient, true);
        PlannedVisit planned = made.plan().visits().stream().filter(v -> v.visitId().equals(urgent.visitId()))
                .findFirst().orElse(null);
        // in time: nothing broken about the visit itself, and its nurse's day no further past the shift's end than
        // it already was (an overrun the plan had before is the coordinator's, not this visit's)
        boolean urgentInTime = planned != null && planned.planned()
                && made.evaluation().violations().stream().noneMatch(v -> v.subject().equals(urgent.visitId()))
                && made.evaluation().amount(RouteEvaluation.Rule.SHIFT_END, DayPlanProblem.staffId(planned.shiftId()))
                        <= made.before().amount(RouteEvaluation.Rule.SHIFT_END,
                                DayPlanProblem.staffId(planned.shiftId()));
        List<MovedVisit> moved = moved(user, made, urgent);
        List<MovedVisit> pushed = moved.stream().filter(MovedVisit::pushedOutOfWindow).toList();
        String phone = visits.wardOf(urgent.patientId()).map(wards::ward)
                .map(w -> w.contactAt(clock.instant().atZone(clock.getZone())))
                .map(c -> c.label() + " on " + c.phone()).orElse("the visiting team");
        // the plan may be another organisation's: the asker is shown only the visits of patients they may see
        Set<PatientId> visible = visible(user, made.plan().visits().stream().map(PlannedVisit::patientId)
                .collect(Collectors.toSet()));
        DayPlan shown = onlyVisits(made.plan(), visible);
        List<DayPlanChange> changes = made.changes().stream().filter(c -> visible.contains(c.patientId())).toList();
        return new ReplanOutcome(urgent, team, shown, planned, changes, moved, pushed, urgentInTime,
                urgentInTime && pushed.isEmpty(), phone, answer(planned, urgentInTime, pushed, phone));
    }

    /**
     * The visiting team of a patient on the day of an urgent visit, one rule for every asker: the organisation whose
     * current plan for that day (or, failing that, for the latest of the seven days before) includes a visit to the
     * patient; otherwise the organisation in the patient's care with most staff on shift that day; otherwise the
     * asker's own.
     */
    private OrganisationId visitingTeam(CurrentUser user, UrgentVisit urgent) {
        LocalDate day = urgent.date();
        Optional<OrganisationId> planning = plans.visitingOrganisation(urgent.patientId(), day, day)
                .or(() -> plans.visitingOrganisation(urgent.patientId(), day.minusDays(7), day.minusDays(1)));
        if (planning.isPresent()) {
            return planning.get();
        }
        ZoneId zone = clock.getZone();
        return shifts.organisationsOnShift(day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant()).stream()
                .filter(org -> !patients.inCareOf(org, List.of(urgent.patientId())).isEmpty())
                .findFirst().orElse(user.organisationId());
    }

    /** The other visits the re-plan moved, named for the asker where they may see the patient. */
    private List<MovedVisit> moved(CurrentUser user, Made made, UrgentVisit urgent) {
        if (made.previous() == null) {
            return List.of();
        }
        java.util.Map<String, PlannedVisit> before = new java.util.HashMap<>();
        made.previous().visits().forEach(v -> before.put(v.visitId(), v));
        java.util.Map<String, PlannedVisit> after = new java.util.HashMap<>();
        made.plan().visits().forEach(v -> after.put(v.visitId(), v));
        // a visit whose window closed before now drops out of the plan by itself: the urgent visit did not move it
        Instant madeAt = made.plan().madeAt();
        List<DayPlanChange> others = made.changes().stream().filter(c -> !c.visitId().equals(urgent.visitId()))
                .filter(c -> before.containsKey(c.visitId()))
                .filter(c -> before.get(c.visitId()).windowEnd().isAfter(madeAt)).toList();
        java.util.Map<PatientId, String> names = new java.util.HashMap<>();
        patients.visibleSummaries(user, others.stream().map(DayPlanChange::patientId).collect(Collectors.toSet()))
                .forEach(p -> names.put(p.id(), p.displayName()));
        return others.stream().map(c -> {
            PlannedVisit was = before.get(c.visitId());
            PlannedVisit now = after.get(c.visitId());
            boolean wasInTime = was.planned() && !was.late();
            boolean nowOut = now == null || !now.planned() || now.late();
            boolean named = names.containsKey(c.patientId());
            return new MovedVisit(c.visitId(), named ? c.patientId() : null, named ? names.get(c.patientId())
                    : "a patient in another team's care", c.kind(), c.staffBefore(), c.staffAfter(), c.startBefore(),
                    now != null && now.planned() ? now.startsAt() : null, was.windowStart(), was.windowEnd(),
                    wasInTime && nowOut);
        }).toList();
    }

    /** The answer in words, for the page and the API alike. */
    private String answer(PlannedVisit planned, boolean urgentInTime, List<MovedVisit> pushed, String phone) {
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        StringBuilder answer = new StringBuilder();
        if (planned == null || !planned.planned()) {
            answer.append("Nobody on shift can be given this urgent visit")
                    .append(planned != null && planned.notPlannedWhy() != null ? " (" + planned.notPlannedWhy() + ")" : "")
                    .append(". Phone ").append(phone).append(" now to arrange it.");
        } else if (!urgentInTime) {
            answer.append("Nobody on shift can make it in time: the nearest is ")
                    .append(planned.staffName()).append(" at ").append(hhmm.format(planned.startsAt().atZone(clock.getZone())))
                    .append(". Phone ").append(phone).append(" now to arrange it.");
        } else {
            answer.append(planned.staffName()).append(" goes at ")
                    .append(hhmm.format(planned.startsAt().atZone(clock.getZone()))).append('.');
        }
        if (!pushed.isEmpty()) {
            answer.append(" It pushes ").append(pushed.size()).append(pushed.size() == 1 ? " visit" : " visits")
                    .append(" out of its window: ").append(pushed.stream().map(m -> m.patientName() + ", "
                            + m.kind().label().toLowerCase() + (m.startAfter() == null ? ", no longer planned"
                            : ", now " + hhmm.format(m.startAfter().atZone(clock.getZone())))
                            + " (window " + hhmm.format(m.windowStart().atZone(clock.getZone())) + "-"
                            + hhmm.format(m.windowEnd().atZone(clock.getZone())) + ")")
                            .collect(Collectors.joining("; ")))
                    .append(". The coordinator must arrange ").append(pushed.size() == 1 ? "it." : "them.");
        }
        return answer.toString();
    }

    /** A stored plan, the plan it replaced, what it changed, and the evaluator's verdicts on it and on the plan it was made from. */
    private record Made(DayPlan plan, DayPlan previous, List<DayPlanChange> changes, RouteEvaluation evaluation,
            RouteEvaluation before) {
    }

    /**
     * Plans or re-plans one organisation's day. With {@code insertFirst} (an urgent visit into a day staff already know), the new
     * visits are first only inserted, each where it costs least, and that is kept when it breaks no rule the plan did
     * not already break; otherwise, and for a coordinator's "plan again", the solver re-plans, keeping visits with
     * the staff they were given to unless moving them is worth it. A visit given to someone without its skills is
     * taken off their route and left unplaced, with the reason.
     */
    private Made planDay(CurrentUser user, OrganisationId team, LocalDate day, String why, boolean insertFirst) {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        if (day.isBefore(LocalDate.ofInstant(now, zone).minusDays(1))) {
            throw new RefusedException("The visits of " + DateWords.day(day) + " are over; its plan stays as the record of that day");
        }
        plans.lockDay(team, day);
        List<VisitRequirement> due = visits.requirementsOfTeam(team, day);
        List<StaffShift> dayShifts = shifts.shiftsStartingBetween(team, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
        List<PatientId> patientIds = due.stream().map(VisitRequirement::patientId).distinct().toList();
        Set<PatientId> children = patients.summariesInCareOf(team, patientIds).stream()
                .filter(p -> VisitSkills.child(p.ageOn(day))).map(org.homeward.patient.PatientSummary::id)
                .collect(Collectors.toSet());
        List<VisitRecord> recorded = records.onDay(day);
        DayPlanProblem problem = new DayPlanProblem(day, zone, due, dayShifts, patients.homeLocations(patientIds),
                travel, now, recorded.stream().map(VisitRecord::visitId).collect(Collectors.toSet()),
                r -> skills.needed(r, children.contains(r.patientId())));
        Optional<DayPlan> previous = plans.current(team, day);
        previous.ifPresent(problem::assignRoutesOf);
        RoutePlan before = problem.plan();
        // even a day's first plan is made at a moment: nobody is sent to a visit in the past
        RoutePlan toSolve = Replanning.at(before, problem.millis(now), started(day, before, recorded), List.of());
        long startedSolving = System.nanoTime();
        RouteEvaluation unsolved = RouteEvaluator.evaluate(toSolve);
        RoutePlan solved = null;
        if (insertFirst && previous.isPresent()) {
            RoutePlan inserted = new RoutePlanner().insertUnplaced(toSolve);
            if (RouteEvaluator.evaluate(inserted).breaksNothingMoreThan(unsolved)) {
                solved = inserted;
            }
        }
        if (solved == null) {
            solved = new RoutePlanner().solve(toSolve, previous.isPresent() ? replanLimits : limits);
        }
        problem.keepSkills(solved);
        int solveMillis = (int) Duration.ofNanos(System.nanoTime() - startedSolving).toMillis();
        RouteEvaluation evaluation = RouteEvaluator.evaluate(solved);
        List<PlannedVisit> planned = problem.plannedVisits(solved, evaluation);
        boolean feasible = evaluation.feasible() && planned.stream().allMatch(PlannedVisit::planned);
        String reason = why != null ? why : previous.isPresent() ? "planned the day again" : "planned the day";
        DayPlan plan = new DayPlan(UUID.randomUUID(), team, day, plans.nextVersion(team, day), user.username(), now,
                reason, travel.name(), String.valueOf(solved.score()), feasible, solveMillis, planned);
        plans.insert(plan);
        List<DayPlanChange> changes = List.of();
        if (previous.isPresent()) {
            changes = DayPlanChanges.between(previous.get(), planned, NOTICEABLE_SHIFT);
            plans.insertChanges(plan.id(), changes);
        }
        if (!patientIds.isEmpty()) {
            events.publishEvent(new RecordsAccessed(patientIds.stream().map(p -> RecordAccessed.created(user,
                    AuditedRecord.DAY_PLAN, plan.id(), p, reason + ": visits for " + day + " (version " + plan.version() + ")"))
                    .collect(Collectors.toList())));
        }
        return new Made(plan, previous.orElse(null), changes, evaluation, unsolved);
    }

    /** Visits recorded as started (arrived at) on the day, by the shift that recorded them, for the re-plan to fix. */
    private List<StartedVisit> started(LocalDate day, RoutePlan current, List<VisitRecord> recorded) {
        Set<String> visitIds = current.visits().stream().map(Visit::id).collect(Collectors.toSet());
        Set<String> staffIds = current.staff().stream().map(Staff::id).collect(Collectors.toSet());
        long origin = day.atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
        return recorded.stream()
                .filter(r -> visitIds.contains(r.visitId()))
                .filter(r -> staffIds.contains(DayPlanProblem.staffId(r.shiftId())))
                .map(r -> new StartedVisit(r.visitId(), DayPlanProblem.staffId(r.shiftId()),
                        r.arrivedAt().toEpochMilli() - origin))
                .toList();
    }

    /** What the re-plan that made the day's current plan changed, for the visits the user may see. */
    @Transactional(readOnly = true)
    public List<DayPlanChange> changes(CurrentUser user, LocalDate day) {
        user.require(Permission.SEE_VISIT_PLAN);
        return plans.currentId(user.organisationId(), day).map(planId -> {
            List<DayPlanChange> all = plans.changes(planId);
            Set<PatientId> visible = visible(user, all.stream().map(DayPlanChange::patientId).collect(Collectors.toSet()));
            return all.stream().filter(c -> visible.contains(c.patientId())).toList();
        }).orElse(List.of());
    }

    private Set<PatientId> visible(CurrentUser user, Set<PatientId> ids) {
        return patients.visibleSummaries(user, ids).stream().map(org.homeward.patient.PatientSummary::id)
                .collect(Collectors.toSet());
    }

    /**
     * How long the service's travel model takes from one place to another: what the day view needs to tell travel
     * from a break on a leg of a planned route.
     */
    public Duration travelTime(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        return Duration.ofMillis(travel.travelMillis(Location.geographic(0, fromLatitude, fromLongitude),
                Location.geographic(1, toLatitude, toLongitude)));
    }

    /**
     * The newest plan of the user's organisation for the day, showing only the visits to patients the user may see;
     * each patient shown is audited against them (ADR 0002).
     */
    @Transactional
    public Optional<DayPlan> currentPlan(CurrentUser user, LocalDate day) {
        user.require(Permission.SEE_VISIT_PLAN);
        return plans.current(user.organisationId(), day).map(plan -> {
            Set<PatientId> visible = visible(user,
                    plan.visits().stream().map(PlannedVisit::patientId).collect(Collectors.toSet()));
            VisitAudit.listed(events, user, AuditedRecord.DAY_PLAN, plan.id(), visible,
                    "listed on the visit plan for " + day + " (version " + plan.version() + ")");
            return onlyVisits(plan, visible);
        });
    }

    private static DayPlan onlyVisits(DayPlan plan, Set<PatientId> visible) {
        return new DayPlan(plan.id(), plan.organisationId(), plan.date(), plan.version(), plan.madeBy(), plan.madeAt(),
                plan.reason(), plan.travelModel(), plan.score(), plan.feasible(), plan.solveMillis(),
                plan.visits().stream().filter(v -> visible.contains(v.patientId())).toList());
    }
}
