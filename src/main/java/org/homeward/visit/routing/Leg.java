package org.homeward.visit.routing;

/**
 * One stretch of a route: leave the previous stop (or the start location), take the break if it falls here, travel,
 * arrive. The solver's shadow variables and the constraints both read times through this one rule, so a break or a
 * "not before now" cannot be counted one way in the arrival time and another way in the score.
 */
record Leg(long departureMillis, Long breakStartMillis, long travelMillis, long arrivalMillis) {

    /** The leg that ends at {@code visit}, from its previous visit or from the staff member's start location. */
    static Leg into(Visit visit) {
        Visit previous = visit.previousVisit();
        return previous == null ? after(visit.staff(), null, 0, 0, visit.location())
                : after(visit.staff(), previous, previous.arrivalMillis(), previous.startMillis(), visit.location());
    }

    /** The way back to the end location after {@code last}, the final visit of its route. */
    static Leg home(Visit last) {
        return after(last.staff(), last, last.arrivalMillis(), last.startMillis(), last.staff().endLocation());
    }

    /**
     * The leg from {@code previous} (null: from the start location), which arrived and started at the given times,
     * to {@code to}. Times are passed in rather than read from {@code previous} so the solver's timing can use times
     * it is still working out.
     */
    static Leg after(Staff staff, Visit previous, long previousArrival, long previousStart, Location to) {
        if (previous == null) {
            return of(staff, staff.availableFromMillis(), false, staff.travelMillis(staff.startLocation(), to));
        }
        long departure = Math.max(previousStart + previous.durationMillis(), staff.availableFromMillis());
        boolean breakTaken = staff.breakStillDue() && previous.actualStartMillis() == null
                && previousArrival >= staff.staffBreak().earliestStartMillis();
        return of(staff, departure, breakTaken, staff.travelMillis(previous.location(), to));
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
