package org.homeward.visit.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the day's current plan into the problem of re-planning it at a given moment: visits already started stay
 * where they are (first on the route of whoever started them, in the order they started, pinned so the solver cannot
 * move them), nobody leaves for a visit before now, a break that has begun counts as taken (its staff member is free
 * when it ends), each visit remembers whom the current plan gave it to (for the stability rule), and new visits (an
 * urgent visit after an alert) join unplaced. The rest of the current plan is kept as the solver's starting point, so
 * a short solve moves little beyond what the newcomer needs. The current plan is not changed.
 */
public final class Replanning {

    private Replanning() {
    }

    public static RoutePlan at(RoutePlan current, long nowMillis, List<StartedVisit> started, List<Visit> newVisits) {
        Map<String, StartedVisit> startedById = started.stream()
                .collect(Collectors.toMap(StartedVisit::visitId, Function.identity()));
        Map<String, Visit> copies = new HashMap<>();
        current.visits().forEach(visit -> copies.put(visit.id(), visit.copyFacts()));
        // from the routes, not the visits' shadow staff: a plan set up by assignRoute has not been through the solver
        current.staff().forEach(member -> member.visits().forEach(
                visit -> copies.get(visit.id()).previouslyWith(member.id())));
        relink(current.visits(), copies);
        startedById.values().forEach(visit -> copyOf(copies, visit.visitId()).startedAt(visit.actualStartMillis()));

        RouteEvaluation timesNow = RouteEvaluator.evaluate(current);
        List<Staff> staff = new ArrayList<>();
        for (Staff member : current.staff()) {
            Staff copy = member.copyFacts();
            List<Visit> fixed = started.stream().filter(visit -> visit.staffId().equals(member.id()))
                    .sorted(Comparator.comparingLong(StartedVisit::actualStartMillis))
                    .map(visit -> copyOf(copies, visit.visitId())).toList();
            List<Visit> route = new ArrayList<>(fixed);
            member.visits().stream().filter(visit -> !startedById.containsKey(visit.id()))
                    .forEach(visit -> route.add(copies.get(visit.id())));
            // a break that began before now counts as taken, and whoever is on it is free when it ends; a break due
            // to start just now is placed again by the usual rule
            Long breakStart = timesNow.route(member.id()).breakStartMillis();
            boolean breakBegun = breakStart != null && breakStart < nowMillis;
            long availableFrom = breakBegun
                    ? Math.max(nowMillis, breakStart + member.staffBreak().durationMillis()) : nowMillis;
            copy.assign(route, fixed.size(), availableFrom, breakBegun);
            staff.add(copy);
        }
        List<Visit> visits = new ArrayList<>(copies.values());
        visits.addAll(newVisits);
        visits.sort(Comparator.comparing(Visit::id));
        return RoutePlan.withExactWeights(current.name(), current.travelModel(), staff, visits,
                current.weightOverrides());
    }

    private static void relink(List<Visit> originals, Map<String, Visit> copies) {
        for (Visit visit : originals) {
            if (visit.sameTimeAs() != null && !visit.assisting()) {
                Visit.together(copies.get(visit.id()), copies.get(visit.sameTimeAs().id()));
            }
            if (visit.follows() != null) {
                Visit.startsAfter(copies.get(visit.id()), copies.get(visit.follows().id()), visit.minGapMillis(),
                        visit.maxGapMillis());
            }
        }
    }

    private static Visit copyOf(Map<String, Visit> copies, String visitId) {
        Visit copy = copies.get(visitId);
        if (copy == null) {
            throw new IllegalArgumentException("started visit " + visitId + " is not in the current plan");
        }
        return copy;
    }
}
