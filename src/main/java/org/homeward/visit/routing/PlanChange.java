package org.homeward.visit.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one visit differs between two plans of the same day, so each staff member can be told what changed for them
 * after a re-plan: a visit new to the plan, moved to someone else, or starting at another time.
 *
 * @param staffBefore null for a visit new to the plan
 * @param staffAfter null for a visit no longer placed
 */
public record PlanChange(String visitId, String staffBefore, String staffAfter, Long startBefore, Long startAfter) {

    public enum Kind { ADDED, REASSIGNED, RETIMED, UNPLACED }

    public Kind kind() {
        if (staffBefore == null) {
            return Kind.ADDED;
        }
        if (staffAfter == null) {
            return Kind.UNPLACED;
        }
        return staffBefore.equals(staffAfter) ? Kind.RETIMED : Kind.REASSIGNED;
    }

    /** Whether {@code staffId} needs to hear about this change: it was theirs, or it is now. */
    public boolean concerns(String staffId) {
        return staffId.equals(staffBefore) || staffId.equals(staffAfter);
    }

    /** Every visit whose staff member changed or whose start moved by at least {@code minimumShiftMillis}. */
    public static List<PlanChange> between(RoutePlan before, RoutePlan after, long minimumShiftMillis) {
        RouteEvaluation was = RouteEvaluator.evaluate(before);
        RouteEvaluation is = RouteEvaluator.evaluate(after);
        List<PlanChange> changes = new ArrayList<>();
        for (Visit visit : after.visits()) {
            RouteEvaluation.VisitTimes old = was.visitTimes().get(visit.id());
            RouteEvaluation.VisitTimes now = is.visitTimes().get(visit.id());
            String staffBefore = old == null ? null : old.staffId();
            String staffAfter = now == null ? null : now.staffId();
            Long startBefore = old == null ? null : old.startMillis();
            Long startAfter = now == null ? null : now.startMillis();
            boolean moved = startBefore != null && startAfter != null
                    && Math.abs(startAfter - startBefore) >= minimumShiftMillis;
            if (!Objects.equals(staffBefore, staffAfter) || moved) {
                changes.add(new PlanChange(visit.id(), staffBefore, staffAfter, startBefore, startAfter));
            }
        }
        return changes;
    }
}
