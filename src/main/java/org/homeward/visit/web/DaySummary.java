package org.homeward.visit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.homeward.rota.StaffShift;
import org.homeward.visit.DayPlan;
import org.homeward.visit.PlannedVisit;
import org.homeward.visit.VisitException;
import org.homeward.visit.VisitRecord;

/**
 * The day's figures at the top of the day view, all counted from the one plan the page shows (already cut to the
 * patients the user may see), so they add up: every visit is planned or not planned; planned ones are in their window
 * or after it; done, under way and missed are counts of those same visits.
 *
 * @param unplannedWhy each reason a visit could not be planned, with how many
 */
record DaySummary(int visits, int planned, int plannedLate, int unplanned, Map<String, Long> unplannedWhy, int done,
        int underWay, int missed, int staffOnShift) {

    static DaySummary of(DayPlan plan, List<VisitRecord> recorded, List<VisitException> exceptions,
            List<StaffShift> shifts) {
        Map<String, PlannedVisit> byId = new LinkedHashMap<>();
        plan.visits().forEach(v -> byId.put(v.visitId(), v));
        List<VisitRecord> ours = recorded.stream().filter(r -> byId.containsKey(r.visitId())
                && byId.get(r.visitId()).patientId().equals(r.patientId())).toList();
        Map<String, Long> why = new TreeMap<>(plan.unplanned().stream().collect(Collectors.groupingBy(
                v -> v.notPlannedWhy() == null ? "no reason recorded" : v.notPlannedWhy(), Collectors.counting())));
        Set<Object> staff = shifts.stream().map(StaffShift::userId).collect(Collectors.toSet());
        return new DaySummary(plan.visits().size(), plan.visits().size() - plan.unplanned().size(),
                plan.plannedLate().size(), plan.unplanned().size(), why,
                (int) ours.stream().filter(r -> !r.underWay()).count(),
                (int) ours.stream().filter(VisitRecord::underWay).count(),
                (int) exceptions.stream().filter(e -> e.kind() == VisitException.Kind.MISSED).count(), staff.size());
    }

    int inWindow() {
        return planned - plannedLate;
    }

    /** A count with its noun, singular for one. */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    public String visitsText() {
        return count(visits, "visit", "visits");
    }

    public String plannedText() {
        return count(planned, "visit", "visits") + (plannedLate == 0 ? ", all within their window"
                : ": " + inWindow() + " within their window, " + plannedLate + " after it");
    }

    public String unplannedText() {
        if (unplanned == 0) {
            return "None";
        }
        return count(unplanned, "visit", "visits") + ": " + unplannedWhy.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; "));
    }

    public String recordedText() {
        return done + " done, " + underWay + " under way, " + missed + " missed";
    }

    public String staffText() {
        return count(staffOnShift, "person", "people");
    }
}
