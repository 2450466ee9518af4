package org.homeward.visit.routing;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A staff member's shift: who, with which skills, from where to where, when. The solver decides {@link #visits()},
 * the ordered visits of the day.
 */
@PlanningEntity
public class Staff {

    /** Large enough never to bind, small enough that adding times to it cannot overflow. */
    static final long UNLIMITED = Long.MAX_VALUE / 4;

    @PlanningId
    private String id;
    private String name;
    private Set<String> skills;
    private Location startLocation;
    private Location endLocation;
    private long shiftStartMillis;
    private long shiftEndMillis;
    private long availableFromMillis;
    private StaffBreak staffBreak;
    private boolean breakTaken;
    private int maxVisits;
    private long capacity;
    private TravelMatrix travel;

    @PlanningListVariable
    private List<Visit> visits = new ArrayList<>();

    /** Visits already done or under way stay first in the list and the solver may not move them (re-planning). */
    @PlanningPinToIndex
    private int fixedVisitCount;

    /** Position in the plan's staff list: the order in which linked routes are timed. */
    private int ordinal;

    @SuppressWarnings("unused") // for the solver's planning clone
    private Staff() {
    }

    private Staff(Builder builder) {
        this.id = builder.id;
        this.name = builder.name;
        this.skills = Set.copyOf(builder.skills);
        this.startLocation = Objects.requireNonNull(builder.startLocation, "start location of " + id);
        this.endLocation = builder.endLocation == null ? builder.startLocation : builder.endLocation;
        this.shiftStartMillis = builder.shiftStartMillis;
        this.shiftEndMillis = builder.shiftEndMillis;
        this.availableFromMillis = builder.shiftStartMillis;
        this.staffBreak = builder.staffBreak;
        this.maxVisits = builder.maxVisits;
        this.capacity = builder.capacity;
        if (shiftEndMillis < shiftStartMillis) {
            throw new IllegalArgumentException("shift of " + id + " ends before it starts");
        }
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Set<String> skills() {
        return skills;
    }

    public boolean hasSkill(String skill) {
        return skill == null || skills.contains(skill);
    }

    /** Whether this staff member has every one of these skills (a visit's required skills). */
    public boolean hasSkills(Set<String> required) {
        return skills.containsAll(required);
    }

    public Location startLocation() {
        return startLocation;
    }

    public Location endLocation() {
        return endLocation;
    }

    public long shiftStartMillis() {
        return shiftStartMillis;
    }

    public long shiftEndMillis() {
        return shiftEndMillis;
    }

    /** The shift start, or on re-planning the moment of re-planning: nobody leaves for a new visit in the past. */
    public long availableFromMillis() {
        return availableFromMillis;
    }

    public StaffBreak staffBreak() {
        return staffBreak;
    }

    /** True when a break remains to be placed in this plan (it has one and it was not taken before re-planning). */
    public boolean breakStillDue() {
        return staffBreak != null && !breakTaken;
    }

    public boolean breakTaken() {
        return breakTaken;
    }

    public int maxVisits() {
        return maxVisits;
    }

    public long capacity() {
        return capacity;
    }

    public List<Visit> visits() {
        return Collections.unmodifiableList(visits);
    }

    public int fixedVisitCount() {
        return fixedVisitCount;
    }

    long travelMillis(Location from, Location to) {
        return travel.millis(from, to);
    }

    /** Demand of all visits against {@link #capacity()}; the product counts none, the Solomon benchmark its loads. */
    public long demand() {
        long demand = 0;
        for (Visit visit : visits) {
            demand += visit.demand();
        }
        return demand;
    }

    /**
     * Time spent with patients, the workload the balancing rule evens out. Travel is left out on purpose: counted as
     * work, it would reward sending the least busy person on the longest drives.
     */
    public long workMillis() {
        long work = 0;
        for (Visit visit : visits) {
            work += visit.durationMillis();
        }
        return work;
    }

    /** A new staff member with the same facts and an empty route: the raw material of a re-plan. */
    Staff copyFacts() {
        Staff copy = new Staff();
        copy.id = id;
        copy.name = name;
        copy.skills = skills;
        copy.startLocation = startLocation;
        copy.endLocation = endLocation;
        copy.shiftStartMillis = shiftStartMillis;
        copy.shiftEndMillis = shiftEndMillis;
        copy.availableFromMillis = shiftStartMillis;
        copy.staffBreak = staffBreak;
        copy.maxVisits = maxVisits;
        copy.capacity = capacity;
        return copy;
    }

    int ordinal() {
        return ordinal;
    }

    void useTravel(TravelMatrix travel, int ordinal) {
        this.ordinal = ordinal;
        this.travel = travel;
    }

    /** Replaces the route: used to set up a plan (a warm start or the fixed part of a re-plan), never by the solver. */
    void assign(List<Visit> route, int fixedCount, long availableFrom, boolean breakAlreadyTaken) {
        this.visits = new ArrayList<>(route);
        this.fixedVisitCount = fixedCount;
        for (int i = 0; i < visits.size(); i++) {
            visits.get(i).markFixed(i < fixedCount);
        }
        this.availableFromMillis = Math.max(shiftStartMillis, availableFrom);
        this.breakTaken = breakAlreadyTaken;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Builds a staff member; times are milliseconds from the plan's origin. */
    public static final class Builder {
        private final String id;
        private String name;
        private Set<String> skills = Set.of();
        private Location startLocation;
        private Location endLocation;
        private long shiftStartMillis;
        private long shiftEndMillis = UNLIMITED;
        private StaffBreak staffBreak;
        private int maxVisits = Integer.MAX_VALUE;
        private long capacity = UNLIMITED;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "staff id");
            this.name = id;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder skills(Set<String> skills) {
            this.skills = skills;
            return this;
        }

        public Builder skills(String... skills) {
            return skills(Set.of(skills));
        }

        public Builder startsAt(Location location) {
            this.startLocation = location;
            return this;
        }

        public Builder endsAt(Location location) {
            this.endLocation = location;
            return this;
        }

        public Builder shift(long startMillis, long endMillis) {
            this.shiftStartMillis = startMillis;
            this.shiftEndMillis = endMillis;
            return this;
        }

        public Builder staffBreak(StaffBreak staffBreak) {
            this.staffBreak = staffBreak;
            return this;
        }

        public Builder maxVisits(int maxVisits) {
            this.maxVisits = maxVisits;
            return this;
        }

        public Builder capacity(long capacity) {
            this.capacity = capacity;
            return this;
        }

        public Staff build() {
            return new Staff(this);
        }
    }
}
