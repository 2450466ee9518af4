package org.homeward.visit.routing;

/**
 * One stretch of a route: leave the previous stop (or the start location), take the break if it falls here, travel,
 * arrive. The solver's shadow variables and the constraints both read times through this one rule, so a break or a
 * "not before now" cannot be counted one way in the arrival time and another way in the score.
 */
record Leg(long departureMillis, Long breakStartMillis, long travelMillis, long arrivalMillis) {

    /** The leg that ends at {@code visit}, from its previous visit or from the staff member's start location. */
    static Leg into(Visit visit) {
        Staff staff = visit.staff();
        Visit previous = visit.previousVisit();
        if (previous == null) {
            return of(staff, staff.availableFromMillis(), false,
                    staff.travelMillis(staff.startLocation(), visit.location()));
        }
        return of(staff, previous.departureMillis(), previous.breakTakenByArrival(),
                staff.travelMillis(previous.location(), visit.location()));
    }

    /** The way back to the end location after {@code last}, the final visit of its route. */
    static Leg home(Visit last) {
        Staff staff = last.staff();
        return of(staff, last.departureMillis(), last.breakTakenByArrival(),
                staff.travelMillis(last.location(), staff.endLocation()));
    }

    /**
     * The break goes on the first leg that would arrive at or after its earliest start, starting as soon as both the
     * previous visit is over and the break window is open (see {@link StaffBreak}).
     */
    private static Leg of(Staff staff, long departure, boolean breakTakenBefore, long travel) {
        if (staff.breakStillDue() && !breakTakenBefore) {
            StaffBreak staffBreak = staff.staffBreak();
            if (departure + travel >= staffBreak.earliestStartMillis()) {
                long breakStart = Math.max(departure, staffBreak.earliestStartMillis());
                return new Leg(departure, breakStart, travel, breakStart + staffBreak.durationMillis() + travel);
            }
        }
        return new Leg(departure, null, travel, departure + travel);
    }

    /** How long after its latest start the break on this leg begins; zero when it is on time or not on this leg. */
    long breakLatenessMillis(Staff staff) {
        return breakStartMillis == null ? 0
                : Math.max(0, breakStartMillis - staff.staffBreak().latestStartMillis());
    }
}
