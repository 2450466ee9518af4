package org.homeward.visit;

import java.time.Duration;
import java.time.Instant;

/** The rules that put a planned visit on the coordinator's missed-and-late list. Pure: no database, no clock. */
final class VisitExceptions {

    private VisitExceptions() {
    }

    /**
     * Missed: nobody arrived and the window has closed (a re-plan after that leaves the visit unplanned with that
     * reason, and it stays missed). Overdue: nobody arrived, the window is open, and the planned
     * start is more than {@code grace} ago. Late: arrived after the window closed. Not done: left with an outcome in
     * which the care was not given. Otherwise {@code null}.
     */
    static VisitException.Kind kindOf(PlannedVisit v, VisitRecord r, Instant now, Duration grace) {
        if (r == null) {
            if (!v.planned()) {
                return DayPlanProblem.WINDOW_PASSED.equals(v.notPlannedWhy()) ? VisitException.Kind.MISSED : null;
            }
            if (now.isAfter(v.windowEnd())) {
                return VisitException.Kind.MISSED;
            }
            if (v.startsAt() != null && now.isAfter(v.startsAt().plus(grace))) {
                return VisitException.Kind.OVERDUE;
            }
            return null;
        }
        if (r.outcome() != null && !r.outcome().careGiven()) {
            return VisitException.Kind.NOT_DONE;
        }
        return r.arrivedAt().isAfter(v.windowEnd()) ? VisitException.Kind.LATE : null;
    }

    /** Since when the exception has stood, for ordering the list. */
    static Instant since(VisitException.Kind kind, PlannedVisit v, VisitRecord r) {
        return switch (kind) {
            case MISSED -> v.windowEnd();
            case OVERDUE -> v.startsAt();
            case LATE -> r.arrivedAt();
            case NOT_DONE -> r.departedAt();
        };
    }
}
