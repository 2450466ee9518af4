package org.homeward.visit.routing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out when staff arrive at and start their visits, the solver's view of a plan's times.
 *
 * <p>A route without links is timed from the changed position to its end, each visit after the one before. Links
 * (two-staff visits, gaps) make routes depend on each other, so a change to a linked route re-times its whole
 * component, every route reachable through links, from scratch: each route advances in turn as far as it can, a visit
 * starting only once its partner has arrived and the visit it follows has started, until no route can advance. For
 * consistent routes this reaches every visit; what remains waits on itself in a circle (two two-staff visits in
 * opposite orders on two routes) and is timed ignoring the links it waits for and marked as looped. Timing from
 * scratch in a fixed order (routes by their position in the plan) makes the times a function of the routes alone,
 * whatever moves led there, which the solver's incremental score needs.
 *
 * <p>The rules for one leg and one start are {@link Leg} and {@link Visit#earliestStartAtOrAfter(long)}; the
 * independent {@link RouteEvaluator} re-implements them to check this class.
 */
final class RouteTimer {

    /** Receives every visit's times; the solver's listener passes on only those that changed. */
    interface Times {
        void set(Visit visit, Long arrivalMillis, Long startMillis, boolean looped);
    }

    private static final byte OUTSIDE = 0;
    private static final byte PENDING = 1;
    private static final byte ARRIVED = 2;
    private static final byte STARTED = 3;

    private final long[] arrival;
    private final long[] start;
    /** Working state per visit ordinal; OUTSIDE for every visit between calls. */
    private final byte[] state;

    RouteTimer(int visitCount) {
        this.arrival = new long[visitCount];
        this.start = new long[visitCount];
        this.state = new byte[visitCount];
    }

    /**
     * Re-times after {@code staff}'s route changed from {@code fromIndex} on, and the visit before, which may have
     * become the last (its way home, and a break on it, are its own). The solver may report a change after the route
     * has shrunk further (a ruin-and-recreate move takes several visits out before anything is re-timed), so an index
     * past the end means only that nothing after the route's end is left to time.
     */
    void routeChanged(Staff staff, int fromIndex, Times times) {
        if (staff.visits().stream().anyMatch(Visit::linked)) {
            timeComponent(componentOf(List.of(staff)), times);
        } else {
            timeAlone(staff, Math.max(0, Math.min(fromIndex, staff.visits().size()) - 1), times);
        }
    }

    /** Re-times the routes of the visits linked to one that has just left every route. */
    void visitUnassigned(Visit visit, Times times) {
        times.set(visit, null, null, false);
        List<Staff> affected = new ArrayList<>();
        linkedVisits(visit).stream().filter(other -> other.staff() != null).forEach(other -> affected.add(other.staff()));
        if (!affected.isEmpty()) {
            timeComponent(componentOf(affected), times);
        }
    }

    /** Times every route of a plan, and clears the times of visits on no route. */
    void all(RoutePlan plan, Times times) {
        plan.visits().stream().filter(visit -> visit.staff() == null).forEach(visit -> times.set(visit, null, null,
                false));
        timeComponent(plan.staff(), times);
    }

    private void timeAlone(Staff staff, int fromIndex, Times times) {
        List<Visit> route = staff.visits();
        Visit previous = fromIndex == 0 ? null : route.get(fromIndex - 1);
        long previousArrival = previous == null ? 0 : previous.arrivalMillis();
        long previousStart = previous == null ? 0 : previous.startMillis();
        for (int i = fromIndex; i < route.size(); i++) {
            Visit visit = route.get(i);
            long arrivedAt = arrivalAfter(staff, previous, previousArrival, previousStart, visit);
            long startedAt = visit.actualStartMillis() != null ? visit.actualStartMillis()
                    : visit.earliestStartAtOrAfter(arrivedAt);
            times.set(visit, arrivedAt, startedAt, false);
            previous = visit;
            previousArrival = arrivedAt;
            previousStart = startedAt;
        }
    }

    private void timeComponent(List<Staff> routes, Times times) {
        routes.forEach(staff -> staff.visits().forEach(visit -> state[visit.ordinal()] = PENDING));
        int[] position = new int[routes.size()];
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int r = 0; r < routes.size(); r++) {
                int before = position[r];
                position[r] = advance(routes.get(r), position[r], false);
                progress |= position[r] != before;
            }
        }
        for (int r = 0; r < routes.size(); r++) {
            advance(routes.get(r), position[r], true);
        }
        for (int r = 0; r < routes.size(); r++) {
            List<Visit> route = routes.get(r).visits();
            for (int i = 0; i < route.size(); i++) {
                Visit visit = route.get(i);
                int v = visit.ordinal();
                times.set(visit, arrival[v], start[v], i >= position[r]);
                state[v] = OUTSIDE;
            }
        }
    }

    /**
     * Times visits of one route from {@code from} on for as long as their links allow (or, when {@code looped},
     * regardless of links still waiting); returns the position of the first visit not yet started.
     */
    private int advance(Staff staff, int from, boolean looped) {
        List<Visit> route = staff.visits();
        int i = from;
        while (i < route.size()) {
            Visit visit = route.get(i);
            int v = visit.ordinal();
            if (state[v] == PENDING) {
                Visit previous = i == 0 ? null : route.get(i - 1);
                arrival[v] = previous == null ? arrivalAfter(staff, null, 0, 0, visit)
                        : arrivalAfter(staff, previous, arrival[previous.ordinal()], start[previous.ordinal()], visit);
                state[v] = ARRIVED;
            }
            if (!looped && !linksReady(visit)) {
                return i;
            }
            start[v] = startOf(visit);
            state[v] = STARTED;
            i++;
        }
        return looped ? from : i;
    }

    private boolean linksReady(Visit visit) {
        if (visit.actualStartMillis() != null) {
            return true;
        }
        for (Visit partner : visit.partners()) {
            if (state[partner.ordinal()] == PENDING) {
                return false;
            }
        }
        Visit earlier = visit.follows();
        return earlier == null || state[earlier.ordinal()] == OUTSIDE || state[earlier.ordinal()] == STARTED;
    }

    /** Partners and visits followed that are on no route (OUTSIDE) or not yet timed are left out. */
    private long startOf(Visit visit) {
        if (visit.actualStartMillis() != null) {
            return visit.actualStartMillis();
        }
        int v = visit.ordinal();
        long ready = arrival[v];
        for (Visit partner : visit.partners()) {
            if (state[partner.ordinal()] >= ARRIVED) {
                ready = Math.max(ready, arrival[partner.ordinal()]);
            }
        }
        Visit earlier = visit.follows();
        if (earlier != null && state[earlier.ordinal()] == STARTED) {
            ready = Math.max(ready, start[earlier.ordinal()] + visit.minGapMillis());
        }
        return visit.earliestStartAtOrAfter(ready);
    }

    private static long arrivalAfter(Staff staff, Visit previous, long previousArrival, long previousStart,
            Visit visit) {
        return visit.actualStartMillis() != null ? visit.actualStartMillis()
                : Leg.after(staff, previous, previousArrival, previousStart, visit.location()).arrivalMillis();
    }

    /** The routes reachable from {@code routes} through links, in plan order. */
    private static List<Staff> componentOf(List<Staff> routes) {
        Map<Staff, Boolean> seen = new IdentityHashMap<>();
        Deque<Staff> queue = new ArrayDeque<>();
        for (Staff staff : routes) {
            if (seen.put(staff, Boolean.TRUE) == null) {
                queue.add(staff);
            }
        }
        while (!queue.isEmpty()) {
            for (Visit visit : queue.poll().visits()) {
                for (Visit other : linkedVisits(visit)) {
                    Staff staff = other.staff();
                    if (staff != null && seen.put(staff, Boolean.TRUE) == null) {
                        queue.add(staff);
                    }
                }
            }
        }
        List<Staff> component = new ArrayList<>(seen.keySet());
        component.sort(Comparator.comparingInt(Staff::ordinal));
        return component;
    }

    private static List<Visit> linkedVisits(Visit visit) {
        if (!visit.linked()) {
            return List.of();
        }
        List<Visit> linked = new ArrayList<>(visit.partners());
        if (visit.follows() != null) {
            linked.add(visit.follows());
        }
        linked.addAll(visit.laters());
        return linked;
    }
}
