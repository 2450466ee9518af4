package org.homeward.visit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a new version of a day's plan changes against the version staff were working from, visit by visit, compared
 * as both were stored (who and when each was told): added, moved to another shift, retimed by at least the
 * noticeable shift, or no longer planned. Pure: no database, no clock.
 */
final class DayPlanChanges {

    private DayPlanChanges() {
    }

    static List<DayPlanChange> between(DayPlan before, List<PlannedVisit> after, Duration noticeable) {
        Map<String, PlannedVisit> was = new HashMap<>();
        before.visits().forEach(v -> was.put(v.visitId(), v));
        List<DayPlanChange> changes = new ArrayList<>();
        for (PlannedVisit now : after) {
            PlannedVisit old = was.get(now.visitId());
            boolean plannedBefore = old != null && old.planned();
            DayPlanChange.Kind kind = null;
            if (!plannedBefore && now.planned()) {
                kind = DayPlanChange.Kind.ADDED;
            } else if (plannedBefore && !now.planned()) {
                kind = DayPlanChange.Kind.UNPLACED;
            } else if (plannedBefore && !old.shiftId().equals(now.shiftId())) {
                kind = DayPlanChange.Kind.REASSIGNED;
            } else if (plannedBefore
                    && Duration.between(old.startsAt(), now.startsAt()).abs().compareTo(noticeable) >= 0) {
                kind = DayPlanChange.Kind.RETIMED;
            }
            if (kind != null) {
                changes.add(new DayPlanChange(now.visitId(), now.patientId(), now.kind(), kind,
                        plannedBefore ? old.shiftId() : null, now.shiftId(), plannedBefore ? old.staffName() : null,
                        now.staffName(), plannedBefore ? old.startsAt() : null, now.startsAt()));
            }
        }
        return changes;
    }
}
