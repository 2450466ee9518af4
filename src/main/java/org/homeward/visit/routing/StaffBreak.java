package org.homeward.visit.routing;

/**
 * A break a staff member must start between {@code earliestStartMillis} and {@code latestStartMillis}, lasting
 * {@code durationMillis}.
 *
 * <p>Where the break goes is a rule, not a decision of the solver: it is taken on the first leg of the route that
 * would otherwise arrive at or after its earliest start (before travelling), or after the last visit if the route
 * reaches that time only on the way back. A route that is over before the earliest start needs no break. The
 * solver then only has to order visits so that the break can start in time.
 */
public record StaffBreak(long earliestStartMillis, long latestStartMillis, long durationMillis) {

    public StaffBreak {
        if (latestStartMillis < earliestStartMillis || durationMillis < 0) {
            throw new IllegalArgumentException("break must have latest start >= earliest start and a duration >= 0");
        }
    }
}
