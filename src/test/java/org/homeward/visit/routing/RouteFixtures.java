package org.homeward.visit.routing;

import java.util.List;

/**
 * Small plans whose numbers can be checked by hand: locations on a plane travelled at one unit a minute, so the
 * travel time between (0,0) and (0,10) is exactly ten minutes, and shifts from 08:00.
 */
final class RouteFixtures {

    static final TravelTimeModel ONE_UNIT_PER_MINUTE = StraightLineTravel.planeOneUnitPerMinute();

    static final Location BASE = Location.plane(0, 0, 0);
    /** Ten minutes from base. */
    static final Location HOME_A = Location.plane(1, 0, 10);
    /** Ten minutes from A, twenty from base. */
    static final Location HOME_B = Location.plane(2, 0, 20);
    /** Forty minutes from base, thirty from A. */
    static final Location FAR_BASE = Location.plane(3, 0, 40);

    private RouteFixtures() {
    }

    static long min(long minutes) {
        return minutes * 60_000;
    }

    /** A clock time on the plan day as milliseconds from midnight. */
    static long at(int hours, int minutes) {
        return min(hours * 60L + minutes);
    }

    /** A nurse on an 08:00-17:00 shift from base, with the given skills. */
    static Staff.Builder nurse(String id, String... skills) {
        return Staff.builder(id).startsAt(BASE).shift(at(8, 0), at(17, 0)).skills(skills);
    }

    /** A thirty-minute visit at {@code location} with no time window. */
    static Visit.Builder visit(String id, Location location) {
        return Visit.builder(id).at(location).lasting(min(30));
    }

    /** A plan with every constraint at the weight {@link RoutingConstraints} declares, none switched off. */
    static RoutePlan plan(List<Staff> staff, List<Visit> visits) {
        return RoutePlan.withExactWeights("hand-checked", ONE_UNIT_PER_MINUTE, staff, visits, java.util.Map.of());
    }

    /** Puts {@code visits} on {@code staff}'s route in this order, as a solver would. */
    static void route(Staff staff, Visit... visits) {
        staff.assign(List.of(visits), 0, staff.shiftStartMillis(), false);
    }
}
