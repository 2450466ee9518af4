package org.homeward.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The changes to one staff member's own visits between the plan version they last read and the current one, compared
 * visit by visit as both were stored: new to them, no longer theirs, or retimed by at least the noticeable shift. A
 * visit moved between two shifts of the same person at the same time is not a change; nor is a visit that dropped out
 * because its window had closed before the new plan was made (the missed-visit list covers it). Net changes only: a
 * visit moved away and back again since the version they read is not mentioned. Pure: no database, no clock.
 *
 * @param readVersion the version the changes are counted from
 * @param currentVersion the version they lead to; marking the changes read records it
 */
public record MyPlanChanges(int readVersion, int currentVersion, List<MyPlanChange> changes) {

    public MyPlanChanges {
        changes = List.copyOf(changes);
    }

    public static MyPlanChanges none() {
        return new MyPlanChanges(0, 0, List.of());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    static MyPlanChanges between(DayPlan read, DayPlan current, Set<UUID> myShifts, Duration noticeable) {
        Map<String, PlannedVisit> before = mine(read.visits(), myShifts);
        Map<String, PlannedVisit> now = new LinkedHashMap<>();
        current.visits().forEach(v -> now.put(v.visitId(), v));
        Map<String, PlannedVisit> mineNow = mine(current.visits(), myShifts);
        List<MyPlanChange> changes = new ArrayList<>();
        for (PlannedVisit v : mineNow.values()) {
            PlannedVisit was = before.get(v.visitId());
            if (was == null) {
                changes.add(new MyPlanChange(v.visitId(), v.patientId(), v.kind(), MyPlanChange.Kind.ADDED, null,
                        v.startsAt(), null));
            } else if (Duration.between(was.startsAt(), v.startsAt()).abs().compareTo(noticeable) >= 0) {
                changes.add(new MyPlanChange(v.visitId(), v.patientId(), v.kind(), MyPlanChange.Kind.RETIMED,
                        was.startsAt(), v.startsAt(), null));
            }
        }
        for (PlannedVisit was : before.values()) {
            if (mineNow.containsKey(was.visitId())) {
                continue;
            }
            PlannedVisit other = now.get(was.visitId());
            boolean closedBeforeReplan = !was.windowEnd().isAfter(current.madeAt());
            if ((other == null || !other.planned()) && closedBeforeReplan) {
                continue;
            }
            changes.add(new MyPlanChange(was.visitId(), was.patientId(), was.kind(), MyPlanChange.Kind.REMOVED,
                    was.startsAt(), null, other != null && other.planned() ? other.staffName() : null));
        }
        changes.sort(Comparator.comparing(MyPlanChanges::when).thenComparing(MyPlanChange::visitId));
        return new MyPlanChanges(read.version(), current.version(), changes);
    }

    private static Instant when(MyPlanChange c) {
        return c.startAfter() != null ? c.startAfter() : c.startBefore();
    }

    private static Map<String, PlannedVisit> mine(List<PlannedVisit> visits, Set<UUID> myShifts) {
        Map<String, PlannedVisit> mine = new LinkedHashMap<>();
        visits.stream().filter(v -> v.planned() && myShifts.contains(v.shiftId())).forEach(v -> mine.put(v.visitId(), v));
        return mine;
    }
}
