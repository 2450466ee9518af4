package org.homeward.visit.routing;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A day's planning problem and, once solved, its plan: the staff on shift, the visits to make, the travel model used
 * and the score. Constraint weights may be overridden per plan (a service's preferences, or a benchmark's objective).
 */
@PlanningSolution
public class RoutePlan {

    /**
     * The product's weights where they differ from {@link RoutingConstraints}: rules that only benchmark objectives
     * need are switched off. A plan's own overrides win over these.
     */
    public static final Map<String, HardMediumSoftLongScore> PRODUCT_WEIGHTS = Map.of(
            RoutingConstraints.STAFF_USED, HardMediumSoftLongScore.ZERO,
            RoutingConstraints.TARDINESS, HardMediumSoftLongScore.ZERO,
            RoutingConstraints.MAX_TARDINESS, HardMediumSoftLongScore.ZERO);

    private String name;
    private TravelTimeModel travelModel;

    @PlanningEntityCollectionProperty
    private List<Staff> staff;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Visit> visits;

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeights;

    @PlanningScore
    private HardMediumSoftLongScore score;

    @SuppressWarnings("unused") // for the solver's planning clone
    private RoutePlan() {
    }

    /**
     * A plan of the given staff and visits with the {@link #PRODUCT_WEIGHTS} and then {@code weightOverrides} applied;
     * routes already on the staff (a warm start, fixed visits) are kept. Travel times between all locations are taken
     * from {@code travelModel} once, here.
     */
    public RoutePlan(String name, TravelTimeModel travelModel, List<Staff> staff, List<Visit> visits,
            Map<String, HardMediumSoftLongScore> weightOverrides) {
        this(name, travelModel, staff, visits, ConstraintWeightOverrides.of(merged(PRODUCT_WEIGHTS, weightOverrides)));
    }

    public RoutePlan(String name, TravelTimeModel travelModel, List<Staff> staff, List<Visit> visits) {
        this(name, travelModel, staff, visits, Map.of());
    }

    /** Exactly these weight overrides, nothing implied: benchmarks state their whole objective, tests none. */
    public static RoutePlan withExactWeights(String name, TravelTimeModel travelModel, List<Staff> staff, List<Visit> visits,
            Map<String, HardMediumSoftLongScore> weights) {
        return new RoutePlan(name, travelModel, staff, visits, ConstraintWeightOverrides.of(Map.copyOf(weights)));
    }

    private RoutePlan(String name, TravelTimeModel travelModel, List<Staff> staff, List<Visit> visits,
            ConstraintWeightOverrides<HardMediumSoftLongScore> weights) {
        this.name = name;
        this.travelModel = travelModel;
        this.staff = List.copyOf(staff);
        this.visits = List.copyOf(visits);
        this.constraintWeights = weights;
        checkIdsAreUnique();
        checkLinksStayInsideThePlan();
        TravelMatrix travel = TravelMatrix.of(travelModel, locations());
        for (int i = 0; i < this.staff.size(); i++) {
            this.staff.get(i).useTravel(travel, i);
        }
        for (int i = 0; i < this.visits.size(); i++) {
            this.visits.get(i).ordinal(i);
        }
        BitSet[] nearest = NearbyMoves.nearest(this.visits, travel);
        for (int i = 0; i < this.visits.size(); i++) {
            this.visits.get(i).nearest(nearest[i]);
        }
    }

    /**
     * The same staff, visits, routes and travel with other constraint weights, exactly these: the planner's stages
     * solve one problem under different objectives. Nothing is recomputed and the original is not changed.
     */
    RoutePlan withWeights(Map<String, HardMediumSoftLongScore> weights) {
        RoutePlan copy = new RoutePlan();
        copy.name = name;
        copy.travelModel = travelModel;
        copy.staff = staff;
        copy.visits = visits;
        copy.constraintWeights = ConstraintWeightOverrides.of(Map.copyOf(weights));
        return copy;
    }

    /**
     * Whether the plan counts staff used (the Solomon objective: fewest vehicles first); a weight left out of the
     * overrides is the constraint's own, one medium.
     */
    boolean countsStaffUsed() {
        HardMediumSoftLongScore weight = constraintWeights.getConstraintWeight(RoutingConstraints.STAFF_USED);
        return weight == null || !weight.isZero();
    }

    private static Map<String, HardMediumSoftLongScore> merged(Map<String, HardMediumSoftLongScore> defaults,
            Map<String, HardMediumSoftLongScore> overrides) {
        Map<String, HardMediumSoftLongScore> weights = new HashMap<>(defaults);
        weights.putAll(overrides);
        return weights;
    }

    public String name() {
        return name;
    }

    /** The travel model this plan's times come from, named so every plan says how its travel was estimated. */
    public TravelTimeModel travelModel() {
        return travelModel;
    }

    public String travelModelName() {
        return travelModel.name();
    }

    public List<Staff> staff() {
        return staff;
    }

    public List<Visit> visits() {
        return visits;
    }

    public HardMediumSoftLongScore score() {
        return score;
    }

    public Map<String, HardMediumSoftLongScore> weightOverrides() {
        Map<String, HardMediumSoftLongScore> overrides = new HashMap<>();
        for (String constraint : constraintWeights.getKnownConstraintNames()) {
            overrides.put(constraint, constraintWeights.getConstraintWeight(constraint));
        }
        return overrides;
    }

    public Visit visit(String id) {
        return visits.stream().filter(visit -> visit.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no visit " + id + " in plan " + name));
    }

    public Staff staffMember(String id) {
        return staff.stream().filter(member -> member.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no staff member " + id + " in plan " + name));
    }

    /**
     * Puts these visits on a staff member's route in this order, replacing the route: a coordinator's draft, a warm
     * start for the solver, or someone else's solution to evaluate.
     */
    public void assignRoute(String staffId, List<String> visitIds) {
        assignRoute(staffId, visitIds, Long.MIN_VALUE);
    }

    /**
     * As {@link #assignRoute(String, List)}, for a route planned at {@code plannedAtMillis}: its staff member was not
     * sent anywhere before then, so the route is timed (and its break placed) as it was when it was planned.
     */
    public void assignRoute(String staffId, List<String> visitIds, long plannedAtMillis) {
        Staff member = staffMember(staffId);
        member.assign(visitIds.stream().map(this::visit).toList(), 0, plannedAtMillis, false);
    }

    /**
     * Takes off their routes the visits given to someone without every skill they need (never one already started),
     * with the other half of a two-staff visit, so no plan ever hands a visit to someone who may not make it; the
     * caller reports them unplaced. Each route keeps its start, its break and its started visits. Returns the ids of
     * the visits taken out.
     */
    public List<String> takeOutVisitsMissingSkills() {
        Set<Visit> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Staff member : staff) {
            List<Visit> route = member.visits();
            for (int i = member.fixedVisitCount(); i < route.size(); i++) {
                Visit visit = route.get(i);
                if (!member.hasSkills(visit.requiredSkills())) {
                    out.add(visit);
                    if (visit.sameTimeAs() != null) {
                        out.add(visit.sameTimeAs());
                    }
                }
            }
        }
        if (out.isEmpty()) {
            return List.of();
        }
        for (Staff member : staff) {
            List<Visit> route = member.visits();
            if (route.stream().anyMatch(out::contains)) {
                List<Visit> kept = new ArrayList<>();
                for (int i = 0; i < route.size(); i++) {
                    if (i < member.fixedVisitCount() || !out.contains(route.get(i))) {
                        kept.add(route.get(i));
                    }
                }
                member.assign(kept, member.fixedVisitCount(), member.availableFromMillis(), member.breakTaken());
            }
        }
        return out.stream().map(Visit::id).sorted().toList();
    }

    private List<Location> locations() {
        List<Location> locations = new ArrayList<>();
        staff.forEach(member -> {
            locations.add(member.startLocation());
            locations.add(member.endLocation());
        });
        visits.forEach(visit -> locations.add(visit.location()));
        return locations;
    }

    private void checkIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        staff.forEach(member -> require(ids.add("staff:" + member.id()), "staff id " + member.id() + " twice"));
        visits.forEach(visit -> require(ids.add("visit:" + visit.id()), "visit id " + visit.id() + " twice"));
    }

    /** A link to a visit outside the plan would make the solver wait for a partner it can never place. */
    private void checkLinksStayInsideThePlan() {
        Set<Visit> inPlan = Collections.newSetFromMap(new IdentityHashMap<>());
        inPlan.addAll(visits);
        for (Visit visit : visits) {
            require(visit.sameTimeAs() == null || inPlan.contains(visit.sameTimeAs()),
                    "visit " + visit.id() + " is together with a visit outside the plan");
            require(visit.follows() == null || inPlan.contains(visit.follows()),
                    "visit " + visit.id() + " follows a visit outside the plan");
        }
        for (Staff member : staff) {
            for (Visit visit : member.visits()) {
                require(inPlan.contains(visit), "staff " + member.id() + " has visit " + visit.id() + " outside the plan");
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return name + " " + score;
    }
}
