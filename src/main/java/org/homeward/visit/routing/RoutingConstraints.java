package org.homeward.visit.routing;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countDistinct;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.loadBalance;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.max;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import java.util.function.Function;

/**
 * The rules of a day plan, one method each; {@code README.md} beside this class lists them with their weights and
 * tests. Scores are in milliseconds: a hard score of -60,000 is one minute outside a rule, and rules that count
 * (a skill missing, a visit too many) weigh one hour per count so they are never traded for a few minutes elsewhere.
 *
 * <p>Constraints read other entities' times only through joins, so the solver's incremental scoring sees every change
 * that affects them; the route-level rules read only the route's order, never start times.
 */
public class RoutingConstraints implements ConstraintProvider {

    public static final String REQUIRED_SKILL = "Required skill";
    public static final String TIME_WINDOW = "Time window";
    public static final String SHIFT_END = "Shift end";
    public static final String TWO_STAFF_TOGETHER = "Two staff together";
    public static final String GAP_BETWEEN_VISITS = "Gap between visits";
    public static final String MAX_VISITS = "Maximum visits";
    public static final String CAPACITY = "Capacity";
    public static final String BREAK_WINDOW = "Break window";
    public static final String CONSISTENT_TIMES = "Consistent times";
    public static final String STAFF_USED = "Staff used";
    public static final String FULLER_ROUTES = "Fuller routes";
    public static final String TRAVEL_TIME = "Travel time";
    public static final String CONTINUITY = "Continuity of carer";
    public static final String PLAN_STABILITY = "Plan stability";
    public static final String BALANCED_WORKLOAD = "Balanced workload";
    public static final String URGENT_EARLIEST = "Urgent visit early";
    public static final String TARDINESS = "Tardiness";
    public static final String MAX_TARDINESS = "Maximum tardiness";

    static final long HOUR_MILLIS = 3_600_000;
    /** Hours of the hard score a visit given without its skill weighs: more than a day of lateness. */
    static final long SKILL_HOURS = 24;
    static final long CONTINUITY_MILLIS = 30 * 60_000;
    static final long STABILITY_MILLIS = 30 * 60_000;
    static final long URGENCY_FACTOR = 10;

    private static final HardMediumSoftLongScore PER_MILLI_HARD = HardMediumSoftLongScore.ONE_HARD;
    private static final HardMediumSoftLongScore PER_COUNT_HARD = HardMediumSoftLongScore.ofHard(HOUR_MILLIS);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            requiredSkill(factory),
            timeWindow(factory),
            shiftEnd(factory),
            twoStaffTogether(factory),
            gapBetweenVisits(factory),
            maxVisits(factory),
            capacity(factory),
            breakWindow(factory),
            consistentTimes(factory),
            staffUsed(factory),
            fullerRoutes(factory),
            travelTime(factory),
            continuity(factory),
            planStability(factory),
            balancedWorkload(factory),
            urgentEarliest(factory),
            tardiness(factory),
            maxTardiness(factory)
        };
    }

    // ---- hard

    /**
     * A visit given by someone without every skill it needs (a child's IV dose needs an IV-competent children's nurse).
     * It weighs a day per visit, so the solver never trades a missing skill for lateness; the product also takes any
     * such visit off its route after solving and reports it unplaced, with the reason.
     */
    Constraint requiredSkill(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> !visit.staff().hasSkills(visit.requiredSkills()))
                .penalizeLong(PER_COUNT_HARD, visit -> SKILL_HOURS)
                .asConstraint(REQUIRED_SKILL);
    }

    /** A dose given outside its window is a clinical error, not a cost: milliseconds outside the window. */
    Constraint timeWindow(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.outsideWindowMillis() > 0)
                .penalizeLong(PER_MILLI_HARD, Visit::outsideWindowMillis)
                .asConstraint(TIME_WINDOW);
    }

    /** Back at the end location (after the break, if it falls on the way) by the end of the shift. */
    Constraint shiftEnd(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.nextVisit() == null)
                .filter(visit -> overtimeMillis(visit) > 0)
                .penalizeLong(PER_MILLI_HARD, RoutingConstraints::overtimeMillis)
                .asConstraint(SHIFT_END);
    }

    /** Both halves of a two-staff visit start together, by two different people. */
    Constraint twoStaffTogether(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(lead -> lead.sameTimeAs() != null && !lead.assisting())
                .join(Visit.class, equal(Visit::sameTimeAs, (Visit assistant) -> assistant))
                .filter((lead, assistant) -> apartMillis(lead, assistant) > 0)
                .penalizeLong(PER_MILLI_HARD, RoutingConstraints::apartMillis)
                .asConstraint(TWO_STAFF_TOGETHER);
    }

    Constraint gapBetweenVisits(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(later -> later.follows() != null)
                .join(Visit.class, equal(Visit::follows, (Visit earlier) -> earlier))
                .filter((later, earlier) -> gapViolationMillis(later, earlier) > 0)
                .penalizeLong(PER_MILLI_HARD, RoutingConstraints::gapViolationMillis)
                .asConstraint(GAP_BETWEEN_VISITS);
    }

    Constraint maxVisits(ConstraintFactory factory) {
        return factory.forEach(Staff.class)
                .filter(staff -> staff.visits().size() > staff.maxVisits())
                .penalizeLong(PER_COUNT_HARD, staff -> staff.visits().size() - staff.maxVisits())
                .asConstraint(MAX_VISITS);
    }

    /** What a staff member carries; the product gives visits no demand, the Solomon benchmark its loads. */
    Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(Staff.class)
                .filter(staff -> staff.demand() > staff.capacity())
                .penalizeLong(PER_COUNT_HARD, staff -> staff.demand() - staff.capacity())
                .asConstraint(CAPACITY);
    }

    Constraint breakWindow(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.staff().breakStillDue() && visit.breakLatenessMillis() > 0)
                .penalizeLong(PER_MILLI_HARD, Visit::breakLatenessMillis)
                .asConstraint(BREAK_WINDOW);
    }

    /**
     * Start times that wait on each other in a circle (two two-staff visits in opposite orders on two routes, or
     * both halves on one route) have no value at all; {@link RouteTimer} marks such visits as looped.
     */
    Constraint consistentTimes(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::timesLooped)
                .penalizeLong(PER_COUNT_HARD, visit -> 1)
                .asConstraint(CONSISTENT_TIMES);
    }

    // ---- medium

    /**
     * Switched off by the product's {@link RoutePlan#PRODUCT_WEIGHTS} (staff on shift are paid anyway); the Solomon
     * objective counts vehicles before distance.
     */
    Constraint staffUsed(ConstraintFactory factory) {
        return factory.forEach(Staff.class)
                .filter(staff -> !staff.visits().isEmpty())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, staff -> 1)
                .asConstraint(STAFF_USED);
    }

    // ---- soft

    /**
     * Off (weight zero) unless a plan switches it on: {@link RoutePlanner} does so in its route-elimination stage when
     * the plan counts staff used. It rewards the sum of squared route lengths, so moving a visit from a shorter route
     * to a longer one always pays and local search has a slope towards emptying the shortest routes, which counting
     * staff alone does not give it (Bent and Van Hentenryck 2004, first stage).
     */
    Constraint fullerRoutes(ConstraintFactory factory) {
        return factory.forEach(Staff.class)
                .filter(staff -> !staff.visits().isEmpty())
                .rewardLong(HardMediumSoftLongScore.ZERO, staff -> (long) staff.visits().size() * staff.visits().size())
                .asConstraint(FULLER_ROUTES);
    }

    Constraint travelTime(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT,
                        visit -> visit.travelFromPreviousMillis() + visit.travelHomeMillis())
                .asConstraint(TRAVEL_TIME);
    }

    /** Each patient seen by as few different people as possible; the second person of a two-staff visit is extra. */
    Constraint continuity(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.patientId() != null && !visit.assisting())
                .groupBy(Visit::patientId, countDistinct(Visit::staff))
                .filter((patient, carers) -> carers > 1)
                .penalizeLong(HardMediumSoftLongScore.ofSoft(CONTINUITY_MILLIS), (patient, carers) -> carers - 1)
                .asConstraint(CONTINUITY);
    }

    /**
     * On a re-plan, each visit moved away from the staff member the plan being changed gave it to costs as much as
     * half an hour's travel: staff already told their day keep it unless an urgent visit really needs the change.
     */
    Constraint planStability(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.previousStaffId() != null && visit.staff() != null
                        && !visit.staff().id().equals(visit.previousStaffId()))
                .penalizeLong(HardMediumSoftLongScore.ofSoft(STABILITY_MILLIS), visit -> 1)
                .asConstraint(PLAN_STABILITY);
    }

    /** Even out time with patients across staff; unfairness is the root of the summed squared deviations. */
    Constraint balancedWorkload(ConstraintFactory factory) {
        return factory.forEach(Staff.class)
                .groupBy(loadBalance(Function.identity(), Staff::workMillis))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, balance -> balance.unfairness().longValue())
                .asConstraint(BALANCED_WORKLOAD);
    }

    Constraint urgentEarliest(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(Visit::urgent)
                .penalizeLong(HardMediumSoftLongScore.ofSoft(URGENCY_FACTOR), Visit::delayAfterEarliestMillis)
                .asConstraint(URGENT_EARLIEST);
    }

    /** Switched off in the product, where windows are hard; the HHCRSP objective counts lateness as a cost. */
    Constraint tardiness(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .filter(visit -> visit.outsideWindowMillis() > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, Visit::outsideWindowMillis)
                .asConstraint(TARDINESS);
    }

    /** Switched off in the product; the HHCRSP objective also counts the single latest visit. */
    Constraint maxTardiness(ConstraintFactory factory) {
        return factory.forEach(Visit.class)
                .groupBy(max(Visit::outsideWindowMillis))
                .filter(latest -> latest != null && latest > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, latest -> latest)
                .asConstraint(MAX_TARDINESS);
    }

    // ---- measures

    static long overtimeMillis(Visit last) {
        return Math.max(0, last.routeEndMillis() - last.staff().shiftEndMillis());
    }

    static long apartMillis(Visit lead, Visit assistant) {
        long apart = Math.abs(lead.startMillis() - assistant.startMillis());
        return lead.staff() == assistant.staff() ? apart + HOUR_MILLIS : apart;
    }

    static long gapViolationMillis(Visit later, Visit earlier) {
        long gap = later.startMillis() - earlier.startMillis();
        return Math.max(0, later.minGapMillis() - gap) + Math.max(0, gap - later.maxGapMillis());
    }
}
