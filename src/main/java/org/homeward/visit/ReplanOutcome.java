package org.homeward.visit;

import java.util.List;
import org.homeward.shared.OrganisationId;

/**
 * The result of asking for an urgent visit: the request, the visiting team's re-planned day (a day with no plan is
 * planned there and then), who goes and when, and which other visits moved.
 *
 * @param team the organisation whose visiting team the visit was routed to: the team that visits the patient, whoever
 *             asked
 * @param visit the urgent visit as planned in the new plan (with {@code notPlannedWhy} when nobody could be given it)
 * @param changes what the re-plan changed, visit by visit
 * @param otherVisitsMoved the other visits the urgent one moved (to someone else or by ten minutes or more)
 * @param pushedOutOfWindow those of them now starting after their window, or no longer planned, that were in time
 * @param urgentVisitInTime the urgent visit starts within its window, given to someone on shift with its skills, breaking
 *                          no rule (the independent evaluator's verdict)
 * @param inTime the urgent visit is in time <em>and</em> no other visit was pushed out of its window for it
 * @param phone whom to phone when the visit cannot be made as asked: the patient's ward's number
 * @param answer the answer in words: who goes and when, or that the team must be phoned, and any visit pushed out
 */
public record ReplanOutcome(UrgentVisit urgentVisit, OrganisationId team, DayPlan plan, PlannedVisit visit,
        List<DayPlanChange> changes, List<MovedVisit> otherVisitsMoved, List<MovedVisit> pushedOutOfWindow,
        boolean urgentVisitInTime, boolean inTime, String phone, String answer) {
}
