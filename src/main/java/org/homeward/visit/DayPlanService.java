package org.homeward.visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RecordsAccessed;
import org.homeward.visit.routing.Location;
import org.homeward.visit.routing.RouteEvaluation;
import org.homeward.visit.routing.RouteEvaluator;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.RoutePlanner;
import org.homeward.visit.routing.SolveLimits;
import org.homeward.visit.routing.StraightLineTravel;
import org.homeward.visit.routing.TravelTimeModel;
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
    private final ShiftRepository shifts;
    private final DayPlanRepository plans;
    private final PatientService patients;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TravelTimeModel travel;
    private final SolveLimits limits;

    DayPlanService(VisitService visits, ShiftRepository shifts, DayPlanRepository plans, PatientService patients,
            ApplicationEventPublisher events, Clock clock,
            @Value("${homeward.visits.road-factor:1.3}") double roadFactor,
            @Value("${homeward.visits.average-speed-kmh:40}") double averageSpeedKmh,
            @Value("${homeward.visits.solve-time:PT5S}") Duration solveTime,
            @Value("${homeward.visits.solve-steps:0}") long solveSteps) {
        this.visits = visits;
        this.shifts = shifts;
        this.plans = plans;
        this.patients = patients;
        this.events = events;
        this.clock = clock;
        this.travel = StraightLineTravel.byRoad(roadFactor, averageSpeedKmh);
        // a step count (tests) never replaces the time limit: on a small day every move can be unacceptable, and a
        // local-search step then never ends; the time limit is checked move by move and always stops it
        this.limits = new SolveLimits(solveTime, Math.max(0, solveSteps), 0);
    }

    /** Plans the day from scratch and stores it as the day's newest plan. Coordinators and seniors plan. */
    @Transactional
    public DayPlan plan(CurrentUser user, LocalDate day) {
        user.requireRole("plan the day's visits", Role.COORDINATOR, Role.SENIOR_DECISION_MAKER);
        plans.lockDay(day);
        List<VisitRequirement> due = visits.requirements(user, day, null);
        List<StaffShift> dayShifts = shifts.startingBetween(day.atStartOfDay(clock.getZone()).toInstant(),
                day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        List<PatientId> patientIds = due.stream().map(VisitRequirement::patientId).distinct().toList();
        DayPlanProblem problem = new DayPlanProblem(day, clock.getZone(), due, dayShifts,
                patients.homeLocations(patientIds), travel);
        long started = System.nanoTime();
        RoutePlan solved = new RoutePlanner().solve(problem.plan(), limits);
        int solveMillis = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
        RouteEvaluation evaluation = RouteEvaluator.evaluate(solved);
        List<PlannedVisit> planned = problem.plannedVisits(solved, evaluation);
        boolean feasible = evaluation.feasible() && planned.stream().allMatch(PlannedVisit::planned);
        Instant now = clock.instant();
        DayPlan plan = new DayPlan(UUID.randomUUID(), day, plans.nextVersion(day), user.username(), now,
                "planned the day", travel.name(), String.valueOf(solved.score()), feasible, solveMillis, planned);
        plans.insert(plan);
        if (!patientIds.isEmpty()) {
            events.publishEvent(new RecordsAccessed(patientIds.stream().map(p -> new RecordAccessed(user.actor(),
                    RecordAccessed.Action.CREATE, "DayPlan", plan.id().toString(), p.value(),
                    "planned visits for " + day + " (version " + plan.version() + ")"))
                    .collect(Collectors.toList())));
        }
        return plan;
    }

    /**
     * How long the service's travel model takes from one place to another: what the day view needs to tell travel
     * from a break on a leg of a planned route.
     */
    public Duration travelTime(double fromLatitude, double fromLongitude, double toLatitude, double toLongitude) {
        return Duration.ofMillis(travel.travelMillis(Location.geographic(0, fromLatitude, fromLongitude),
                Location.geographic(1, toLatitude, toLongitude)));
    }

    /** The day's newest plan, if it has one, showing only the visits to patients the user may see. */
    @Transactional(readOnly = true)
    public Optional<DayPlan> currentPlan(CurrentUser user, LocalDate day) {
        user.requireRole("see the day's visit plan", Role.CLINICIAN, Role.SENIOR_DECISION_MAKER, Role.COORDINATOR);
        return plans.current(day).map(plan -> {
            java.util.Set<PatientId> visible = patients.visibleSummaries(user,
                    plan.visits().stream().map(PlannedVisit::patientId).collect(Collectors.toSet())).stream()
                    .map(org.homeward.patient.PatientSummary::id).collect(Collectors.toSet());
            return new DayPlan(plan.id(), plan.date(), plan.version(), plan.madeBy(), plan.madeAt(), plan.reason(),
                    plan.travelModel(), plan.score(), plan.feasible(), plan.solveMillis(),
                    plan.visits().stream().filter(v -> visible.contains(v.patientId())).toList());
        });
    }
}
