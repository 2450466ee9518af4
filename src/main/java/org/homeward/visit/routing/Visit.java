package org.homeward.visit.routing;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PiggybackShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * A visit requirement: where, how long, when it may start, which skill it needs. The solver places it in a staff
 * member's route; its arrival and start times follow from that place and are kept up to date by {@link
 * VisitTimingListener} whenever a route changes.
 *
 * <p>Two kinds of links tie visits together. A two-staff visit is two visits {@link #together(Visit, Visit)
 * together} at the same place: each starts when both staff have arrived. A {@link #startsAfter(Visit, Visit, long,
 * long) gap} makes a visit start at least a minimum and at most a maximum time after another: it waits for the
 * minimum; the maximum is a hard constraint the solver meets by ordering.
 */
@PlanningEntity
public class Visit {

    @PlanningId
    private String id;
    private String patientId;
    private String description;
    private Location location;
    private long durationMillis;
    private List<TimeWindow> windows;
    private Set<String> requiredSkills;
    private boolean urgent;
    private long demand;
    private boolean fixed;
    private String previousStaffId;
    private Long actualStartMillis;

    /* Links, held as lists (empty, or one visit) so a visit can list everyone it affects. */
    private List<Visit> partners = List.of();
    private boolean assisting;
    private List<Visit> earlier = List.of();
    private List<Visit> laters = List.of();
    private long minGapMillis;
    private long maxGapMillis;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private Staff staff;
    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previousVisit;
    @NextElementShadowVariable(sourceVariableName = "visits")
    private Visit nextVisit;
    /*
     * Timefold's custom-listener shadow variables are deprecated in favour of declarative suppliers; this model used
     * those first and they were about ten times slower on a 300-visit day, because their general dependency graph is
     * kept in topological order on every move (see the routing README). Timefold 1.32 is the last line for Java 17.
     */
    @SuppressWarnings("removal")
    @ShadowVariable(variableListenerClass = VisitTimingListener.class, sourceEntityClass = Staff.class,
            sourceVariableName = "visits")
    private Long arrivalMillis;
    @SuppressWarnings("removal")
    @PiggybackShadowVariable(shadowVariableName = "arrivalMillis")
    private Long startMillis;
    /** True when start times wait on each other in a circle, so they have no value (see {@link RouteTimer}). */
    @SuppressWarnings("removal")
    @PiggybackShadowVariable(shadowVariableName = "arrivalMillis")
    private boolean timesLooped;
    /**
     * How late the break on the leg into this visit (for the last visit, also on the way home) starts, kept by the
     * timing listener with the times. It depends on the previous visit's times: read live, the incremental score
     * missed a break moving to or from the leg before when this visit's own times stayed the same (FULL_ASSERT found
     * it on a two-route 2-opt move).
     */
    @SuppressWarnings("removal")
    @PiggybackShadowVariable(shadowVariableName = "arrivalMillis")
    private long breakLatenessMillis;

    /** Position in the plan's visit list, so the timer can keep working times in arrays. */
    private int ordinal;
    /** Ordinals of the visits nearest to this one (see {@link NearbyMoves}). */
    private BitSet nearest = new BitSet();

    @SuppressWarnings("unused") // for the solver's planning clone
    private Visit() {
    }

    private Visit(Builder builder) {
        this.id = builder.id;
        this.patientId = builder.patientId;
        this.description = builder.description;
        this.location = Objects.requireNonNull(builder.location, "location of visit " + id);
        this.durationMillis = builder.durationMillis;
        this.windows = builder.windows.stream().sorted(Comparator.comparingLong(TimeWindow::startMillis)).toList();
        this.requiredSkills = Set.copyOf(builder.requiredSkills);
        this.urgent = builder.urgent;
        this.demand = builder.demand;
        if (durationMillis < 0) {
            throw new IllegalArgumentException("visit " + id + " has a negative duration");
        }
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Makes two visits one visit by two staff at the same time; {@code assistant} is the second person. */
    public static void together(Visit lead, Visit assistant) {
        if (lead == assistant) {
            throw new IllegalArgumentException("a visit cannot be together with itself: " + lead.id);
        }
        lead.partners = List.of(assistant);
        assistant.partners = List.of(lead);
        assistant.assisting = true;
    }

    /** {@code later} starts between {@code minGapMillis} and {@code maxGapMillis} after {@code earlier} starts. */
    public static void startsAfter(Visit later, Visit earlier, long minGapMillis, long maxGapMillis) {
        if (later == earlier || minGapMillis < 0 || maxGapMillis < minGapMillis) {
            throw new IllegalArgumentException("gap for " + later.id + " after " + earlier.id
                    + " needs another visit and 0 <= minimum <= maximum");
        }
        later.earlier = List.of(earlier);
        List<Visit> laters = new ArrayList<>(earlier.laters);
        laters.add(later);
        earlier.laters = List.copyOf(laters);
        later.minGapMillis = minGapMillis;
        later.maxGapMillis = maxGapMillis;
    }

    // ---- timing

    /** The first moment at or after {@code ready} inside a time window; after the last window, {@code ready}. */
    public long earliestStartAtOrAfter(long ready) {
        for (TimeWindow window : windows) {
            if (ready <= window.endMillis()) {
                return Math.max(ready, window.startMillis());
            }
        }
        return ready;
    }

    // ---- derived times (valid once the visit is in a route)

    public long endMillis() {
        return startMillis + durationMillis;
    }

    public long waitingMillis() {
        return startMillis - arrivalMillis;
    }

    /** How far the start lies outside every time window (early or late); zero inside one or without windows. */
    public long outsideWindowMillis() {
        if (startMillis == null || windows.isEmpty()) {
            return 0;
        }
        long nearest = Long.MAX_VALUE;
        for (TimeWindow window : windows) {
            if (window.contains(startMillis)) {
                return 0;
            }
            nearest = Math.min(nearest, startMillis < window.startMillis() ? window.startMillis() - startMillis
                    : startMillis - window.endMillis());
        }
        return nearest;
    }

    /** How much later than its first window opens an urgent visit starts: urgent means as early as possible. */
    public long delayAfterEarliestMillis() {
        long earliest = windows.isEmpty() ? staff.availableFromMillis() : windows.get(0).startMillis();
        return Math.max(0, startMillis - earliest);
    }

    public long travelFromPreviousMillis() {
        return staff.travelMillis(previousVisit == null ? staff.startLocation() : previousVisit.location, location);
    }

    /** Travel back to the staff member's end location after the last visit of the route; zero for other visits. */
    public long travelHomeMillis() {
        return nextVisit == null ? staff.travelMillis(location, staff.endLocation()) : 0;
    }

    /** When the staff member is back at their end location, for the last visit of a route. */
    public long routeEndMillis() {
        return Leg.home(this).arrivalMillis();
    }

    /** When the break starts on the way to this visit, or null when it is not taken on this leg. */
    public Long breakBeforeStartMillis() {
        return actualStartMillis != null ? null : Leg.into(this).breakStartMillis();
    }

    /** How late the break starts on this visit's leg, or after it on the way home for the last visit. */
    public long breakLatenessMillis() {
        return breakLatenessMillis;
    }

    void breakLatenessMillis(long breakLatenessMillis) {
        this.breakLatenessMillis = breakLatenessMillis;
    }

    /** The break lateness worked out from the route as it stands; the timing listener keeps the result. */
    long currentBreakLatenessMillis() {
        if (staff == null || arrivalMillis == null) {
            return 0;
        }
        long lateness = actualStartMillis != null ? 0 : Leg.into(this).breakLatenessMillis(staff);
        if (nextVisit == null) {
            lateness = Math.max(lateness, Leg.home(this).breakLatenessMillis(staff));
        }
        return lateness;
    }

    // ---- facts

    public String id() {
        return id;
    }

    public String patientId() {
        return patientId;
    }

    public String description() {
        return description;
    }

    public Location location() {
        return location;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public List<TimeWindow> windows() {
        return windows;
    }

    /** Every skill its staff member must have (none for a visit anyone may make, the assistant of a two-staff visit). */
    public Set<String> requiredSkills() {
        return requiredSkills;
    }

    public boolean urgent() {
        return urgent;
    }

    public long demand() {
        return demand;
    }

    /** Done or under way when the plan was made: the solver leaves it where it is (first on its staff's route). */
    public boolean fixed() {
        return fixed;
    }

    /** When a visit under way or done actually started; null for visits still to come. */
    public Long actualStartMillis() {
        return actualStartMillis;
    }

    /** The other half of a two-staff visit, or null. */
    public Visit sameTimeAs() {
        return partners.isEmpty() ? null : partners.get(0);
    }

    public boolean assisting() {
        return assisting;
    }

    /** The visit this one must start a gap after, or null. */
    public Visit follows() {
        return earlier.isEmpty() ? null : earlier.get(0);
    }

    public long minGapMillis() {
        return minGapMillis;
    }

    public long maxGapMillis() {
        return maxGapMillis;
    }

    // ---- solver state

    public Staff staff() {
        return staff;
    }

    public Visit previousVisit() {
        return previousVisit;
    }

    public Visit nextVisit() {
        return nextVisit;
    }

    public Long arrivalMillis() {
        return arrivalMillis;
    }

    public Long startMillis() {
        return startMillis;
    }

    /** Whether this visit's times could not be worked out because visits wait on each other in a circle. */
    public boolean timesLooped() {
        return timesLooped;
    }

    List<Visit> partners() {
        return partners;
    }

    List<Visit> laters() {
        return laters;
    }

    /** Whether another visit's times depend on this one's or this one's on another's. */
    boolean linked() {
        return !partners.isEmpty() || !earlier.isEmpty() || !laters.isEmpty();
    }

    int ordinal() {
        return ordinal;
    }

    void ordinal(int ordinal) {
        this.ordinal = ordinal;
    }

    void nearest(BitSet nearest) {
        this.nearest = nearest;
    }

    /** Whether {@code other} is among this visit's nearest; false for null. */
    boolean near(Visit other) {
        return other != null && nearest.get(other.ordinal);
    }

    void arrivalMillis(Long arrivalMillis) {
        this.arrivalMillis = arrivalMillis;
    }

    void startMillis(Long startMillis) {
        this.startMillis = startMillis;
    }

    void timesLooped(boolean timesLooped) {
        this.timesLooped = timesLooped;
    }

    /** Records that the visit has started (it is under way or done): its times are now facts, not plans. */
    void startedAt(long actualStart) {
        this.actualStartMillis = actualStart;
    }

    void markFixed(boolean fixed) {
        this.fixed = fixed;
    }

    /** A new visit with the same facts and no links, route or record of starting: the raw material of a re-plan. */
    /**
     * On a re-plan, the staff member this visit was given to in the plan being changed: the stability rule keeps it
     * with them unless moving it is worth it. {@code null} for a visit new to the plan, and in a first plan.
     */
    public String previousStaffId() {
        return previousStaffId;
    }

    void previouslyWith(String staffId) {
        this.previousStaffId = staffId;
    }

    Visit copyFacts() {
        Visit copy = new Visit();
        copy.id = id;
        copy.patientId = patientId;
        copy.description = description;
        copy.location = location;
        copy.durationMillis = durationMillis;
        copy.windows = windows;
        copy.requiredSkills = requiredSkills;
        copy.urgent = urgent;
        copy.demand = demand;
        return copy;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Builds a visit; times are milliseconds from the plan's origin. */
    public static final class Builder {
        private final String id;
        private String patientId;
        private String description;
        private Location location;
        private long durationMillis;
        private final List<TimeWindow> windows = new ArrayList<>();
        private final Set<String> requiredSkills = new java.util.LinkedHashSet<>();
        private boolean urgent;
        private long demand;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "visit id");
            this.description = id;
        }

        public Builder patient(String patientId) {
            this.patientId = patientId;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder at(Location location) {
            this.location = location;
            return this;
        }

        public Builder lasting(long durationMillis) {
            this.durationMillis = durationMillis;
            return this;
        }

        public Builder window(long startMillis, long endMillis) {
            this.windows.add(new TimeWindow(startMillis, endMillis));
            return this;
        }

        /** Adds a skill the visit needs; a visit may need several (a child's IV dose: IV-competent and children's nurse). */
        public Builder requires(String skill) {
            if (skill != null) {
                this.requiredSkills.add(skill);
            }
            return this;
        }

        public Builder urgent() {
            this.urgent = true;
            return this;
        }

        public Builder demand(long demand) {
            this.demand = demand;
            return this;
        }

        public Visit build() {
            return new Visit(this);
        }
    }
}
