package org.homeward.visit;

import java.util.List;

/**
 * The result of asking for an urgent visit: the request, and the re-planned day when the day already had a plan
 * (otherwise {@code plan} is {@code null} and the visit joins the day's first plan).
 *
 * @param visit the urgent visit as planned in the new plan, or {@code null} when there is no plan yet
 * @param changes what the re-plan changed, visit by visit
 * @param inTime whether the urgent visit is planned to start within its window by someone on shift, breaking no rule
 *               (the independent evaluator's verdict); when false, the visit is on someone's list but cannot be made
 *               as asked, and the team must arrange it by phone
 */
public record ReplanOutcome(UrgentVisit urgentVisit, DayPlan plan, PlannedVisit visit, List<DayPlanChange> changes,
        boolean inTime) {
}
