package org.homeward.visit.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.visit.routing.RouteEvaluation.Route;
import org.homeward.visit.routing.RouteEvaluation.Rule;
import org.homeward.visit.routing.RouteEvaluation.Violation;
import org.homeward.visit.routing.RouteEvaluation.VisitTimes;

/**
 * Times a plan's routes and checks every hard rule without the solver: it reads only the order of visits on each
 * route and the facts of staff and visits, asks the travel model itself, and re-implements the timing rules rather
 * than reading the solver's shadow variables or score. A plan the solver calls feasible that this evaluator does not
 * is a bug in one of them; that is the point of having two.
 *
 * <p>The timing rules: a staff member leaves their start location when available (shift start, or the moment of
 * re-planning); leaves a visit at its end, but not before available; takes the break on the first leg (the way home
 * included) that would otherwise arrive at or after the break's earliest start, starting when both the visit is over
 * and the window is open; a visit starts at the first moment within a time window once its staff member and the
 * partner of a two-staff visit have arrived and the minimum gap after the visit it follows has passed. A visit
 * already under way starts when it actually did.
 *
 * <p>Partners and gaps link routes, so times are found by repeating the timing of all routes until nothing changes:
 * times only grow between rounds, and if they still change after as many rounds as there are visits, some visits wait
 * for each other in a circle (reported as {@link Rule#CIRCULAR_WAIT}).
 */
public final class RouteEvaluator {

    private final TravelTimeModel travel;

    public RouteEvaluator(TravelTimeModel travel) {
        this.travel = travel;
    }

    public static RouteEvaluation evaluate(RoutePlan plan) {
        return new RouteEvaluator(plan.travelModel()).evaluate(plan.staff(), plan.visits());
    }

    public RouteEvaluation evaluate(List<Staff> staff, List<Visit> visits) {
        Map<Visit, Staff> staffOf = new HashMap<>();
        staff.forEach(member -> member.visits().forEach(visit -> staffOf.put(visit, member)));

        Map<Visit, long[]> arrivalAndStart = new HashMap<>();
        Set<Visit> stillChanging = new HashSet<>();
        Map<Staff, Timing> timings = new LinkedHashMap<>();
        for (int round = 0; round <= visits.size() + 1; round++) {
            stillChanging.clear();
            for (Staff member : staff) {
                Timing timing = time(member, arrivalAndStart, staffOf);
                timings.put(member, timing);
                stillChanging.addAll(timing.changed);
            }
            if (stillChanging.isEmpty()) {
                break;
            }
        }
        return result(staff, visits, staffOf, timings, stillChanging);
    }

    // ---- timing

    /** Times of one route and the visits whose times moved in this round. */
    private record Timing(Map<Visit, VisitTimes> times, Route route, Set<Visit> changed) {
    }

    private Timing time(Staff member, Map<Visit, long[]> arrivalAndStart, Map<Visit, Staff> staffOf) {
        Map<Visit, VisitTimes> times = new LinkedHashMap<>();
        Set<Visit> changed = new HashSet<>();
        StaffBreak staffBreak = member.breakStillDue() ? member.staffBreak() : null;
        boolean breakTaken = false;
        Long breakStart = null;
        Location at = member.startLocation();
        long departure = member.availableFromMillis();
        double distance = 0;
        long travelled = 0;
        List<String> ids = new ArrayList<>();
        for (Visit visit : member.visits()) {
            long legTravel = travel.travelMillis(at, visit.location());
            distance += travel.distance(at, visit.location());
            travelled += legTravel;
            long arrival;
            Long breakOnLeg = null;
            if (visit.actualStartMillis() != null) {
                arrival = visit.actualStartMillis();
            } else if (staffBreak != null && !breakTaken && departure + legTravel >= staffBreak.earliestStartMillis()) {
                breakOnLeg = Math.max(departure, staffBreak.earliestStartMillis());
                arrival = breakOnLeg + staffBreak.durationMillis() + legTravel;
            } else {
                arrival = departure + legTravel;
            }
            if (breakOnLeg != null) {
                breakTaken = true;
                breakStart = breakOnLeg;
            }
            long start = visit.actualStartMillis() != null ? visit.actualStartMillis()
                    : startOf(visit, arrival, arrivalAndStart, staffOf);
            long[] previous = arrivalAndStart.put(visit, new long[] {arrival, start});
            if (previous == null || previous[0] != arrival || previous[1] != start) {
                changed.add(visit);
            }
            long end = start + visit.durationMillis();
            times.put(visit, new VisitTimes(visit.id(), member.id(), arrival, start, end, breakOnLeg,
                    outsideWindows(visit, start)));
            ids.add(visit.id());
            at = visit.location();
            departure = Math.max(end, member.availableFromMillis());
            if (visit.actualStartMillis() == null && staffBreak != null && arrival >= staffBreak.earliestStartMillis()) {
                breakTaken = true;
            }
        }
        long end = departure;
        if (!ids.isEmpty()) {
            long homeTravel = travel.travelMillis(at, member.endLocation());
            distance += travel.distance(at, member.endLocation());
            travelled += homeTravel;
            if (staffBreak != null && !breakTaken && departure + homeTravel >= staffBreak.earliestStartMillis()) {
                breakStart = Math.max(departure, staffBreak.earliestStartMillis());
                end = breakStart + staffBreak.durationMillis() + homeTravel;
            } else {
                end = departure + homeTravel;
            }
        }
        return new Timing(times, new Route(member.id(), ids, distance, travelled, end, breakStart), changed);
    }

    private static long startOf(Visit visit, long arrival, Map<Visit, long[]> arrivalAndStart,
            Map<Visit, Staff> staffOf) {
        long ready = arrival;
        Visit partner = visit.sameTimeAs();
        if (partner != null && staffOf.containsKey(partner) && arrivalAndStart.containsKey(partner)) {
            ready = Math.max(ready, arrivalAndStart.get(partner)[0]);
        }
        Visit earlier = visit.follows();
        if (earlier != null && staffOf.containsKey(earlier) && arrivalAndStart.containsKey(earlier)) {
            ready = Math.max(ready, arrivalAndStart.get(earlier)[1] + visit.minGapMillis());
        }
        for (TimeWindow window : visit.windows()) {
            if (ready <= window.endMillis()) {
                return Math.max(ready, window.startMillis());
            }
        }
        return ready;
    }

    private static long outsideWindows(Visit visit, long start) {
        if (visit.windows().isEmpty()) {
            return 0;
        }
        long nearest = Long.MAX_VALUE;
        for (TimeWindow window : visit.windows()) {
            if (start >= window.startMillis() && start <= window.endMillis()) {
                return 0;
            }
            nearest = Math.min(nearest, Math.max(window.startMillis() - start, start - window.endMillis()));
        }
        return nearest;
    }

    // ---- rules

    private RouteEvaluation result(List<Staff> staff, List<Visit> visits, Map<Visit, Staff> staffOf,
            Map<Staff, Timing> timings, Set<Visit> circular) {
        Map<String, VisitTimes> times = new LinkedHashMap<>();
        Map<Visit, VisitTimes> byVisit = new HashMap<>();
        List<Route> routes = new ArrayList<>();
        timings.values().forEach(timing -> {
            timing.times.forEach((visit, visitTimes) -> {
                times.put(visit.id(), visitTimes);
                byVisit.put(visit, visitTimes);
            });
            routes.add(timing.route);
        });
        List<Violation> violations = new ArrayList<>();
        for (Visit visit : visits) {
            checkVisit(visit, staffOf.get(visit), byVisit, circular, violations);
        }
        for (Staff member : staff) {
            checkRoute(member, timings.get(member).route, violations);
        }
        return new RouteEvaluation(travel.name(), routes, times, violations);
    }

    private static void checkVisit(Visit visit, Staff member, Map<Visit, VisitTimes> byVisit, Set<Visit> circular,
            List<Violation> violations) {
        if (member == null) {
            violations.add(new Violation(Rule.UNASSIGNED, visit.id(), 1));
            return;
        }
        if (circular.contains(visit)) {
            violations.add(new Violation(Rule.CIRCULAR_WAIT, visit.id(), 1));
            return;
        }
        VisitTimes times = byVisit.get(visit);
        if (!member.hasSkills(visit.requiredSkills())) {
            violations.add(new Violation(Rule.REQUIRED_SKILL, visit.id(), 1));
        }
        if (times.outsideWindowMillis() > 0) {
            violations.add(new Violation(Rule.TIME_WINDOW, visit.id(), times.outsideWindowMillis()));
        }
        Visit partner = visit.sameTimeAs();
        if (partner != null && !visit.assisting() && byVisit.containsKey(partner)) {
            VisitTimes other = byVisit.get(partner);
            long apart = Math.abs(times.startMillis() - other.startMillis());
            if (apart > 0 || other.staffId().equals(times.staffId())) {
                violations.add(new Violation(Rule.TWO_STAFF_TOGETHER, visit.id(), apart));
            }
        }
        Visit earlier = visit.follows();
        if (earlier != null && byVisit.containsKey(earlier)) {
            long gap = times.startMillis() - byVisit.get(earlier).startMillis();
            long violation = Math.max(0, visit.minGapMillis() - gap) + Math.max(0, gap - visit.maxGapMillis());
            if (violation > 0) {
                violations.add(new Violation(Rule.GAP_BETWEEN_VISITS, visit.id(), violation));
            }
        }
    }

    private static void checkRoute(Staff member, Route route, List<Violation> violations) {
        if (route.visitIds().isEmpty()) {
            return;
        }
        if (route.endMillis() > member.shiftEndMillis()) {
            violations.add(new Violation(Rule.SHIFT_END, member.id(), route.endMillis() - member.shiftEndMillis()));
        }
        if (route.visitIds().size() > member.maxVisits()) {
            violations.add(new Violation(Rule.MAX_VISITS, member.id(), route.visitIds().size() - member.maxVisits()));
        }
        long demand = member.visits().stream().mapToLong(Visit::demand).sum();
        if (demand > member.capacity()) {
            violations.add(new Violation(Rule.CAPACITY, member.id(), demand - member.capacity()));
        }
        if (route.breakStartMillis() != null && route.breakStartMillis() > member.staffBreak().latestStartMillis()) {
            violations.add(new Violation(Rule.BREAK_WINDOW, member.id(),
                    route.breakStartMillis() - member.staffBreak().latestStartMillis()));
        }
    }
}
