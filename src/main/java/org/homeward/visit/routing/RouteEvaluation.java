package org.homeward.visit.routing;

import java.util.List;
import java.util.Map;

/**
 * What a plan's routes come to when timed out independently of the solver: times of every visit, totals of every
 * route and every hard rule broken. Benchmarks report their costs from here and tests check solver output against it.
 */
public record RouteEvaluation(String travelModelName, List<Route> routes, Map<String, VisitTimes> visitTimes,
        List<Violation> violations) {

    /** The hard rules of a day plan, as the evaluator checks them. */
    public enum Rule {
        UNASSIGNED, REQUIRED_SKILL, TIME_WINDOW, SHIFT_END, TWO_STAFF_TOGETHER, GAP_BETWEEN_VISITS, MAX_VISITS,
        CAPACITY, BREAK_WINDOW, CIRCULAR_WAIT
    }

    /** One broken rule: which, about what (a visit or staff id), by how much (milliseconds, or a count). */
    public record Violation(Rule rule, String subject, long amount) {
    }

    public record VisitTimes(String visitId, String staffId, long arrivalMillis, long startMillis, long endMillis,
            Long breakBeforeMillis, long outsideWindowMillis) {

        public long waitingMillis() {
            return startMillis - arrivalMillis;
        }
    }

    /** A staff member's route: visits in order, distance and travel including the way back, when they are back. */
    public record Route(String staffId, List<String> visitIds, double distance, long travelMillis, long endMillis,
            Long breakStartMillis) {
    }

    public boolean feasible() {
        return violations.isEmpty();
    }

    /**
     * Whether this plan breaks no rule that {@code before} did not already break, and none by more, leaving aside
     * visits not placed: how an insertion into a plan staff already know is checked before it is used.
     */
    public boolean breaksNothingMoreThan(RouteEvaluation before) {
        java.util.Map<String, Long> was = new java.util.HashMap<>();
        before.violations().forEach(v -> was.merge(v.rule() + " " + v.subject(), v.amount(), Long::sum));
        return violations.stream().filter(v -> v.rule() != Rule.UNASSIGNED)
                .allMatch(v -> v.amount() <= was.getOrDefault(v.rule() + " " + v.subject(), 0L));
    }

    /** How much a rule is broken about one subject (a visit or staff id): 0 when it is kept. */
    public long amount(Rule rule, String subject) {
        return violations.stream().filter(v -> v.rule() == rule && v.subject().equals(subject))
                .mapToLong(Violation::amount).sum();
    }

    public List<Violation> violations(Rule rule) {
        return violations.stream().filter(violation -> violation.rule() == rule).toList();
    }

    public VisitTimes times(String visitId) {
        VisitTimes times = visitTimes.get(visitId);
        if (times == null) {
            throw new IllegalArgumentException("visit " + visitId + " is on no route");
        }
        return times;
    }

    public Route route(String staffId) {
        return routes.stream().filter(route -> route.staffId().equals(staffId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no staff member " + staffId));
    }

    public double totalDistance() {
        return routes.stream().mapToDouble(Route::distance).sum();
    }

    public long totalTravelMillis() {
        return routes.stream().mapToLong(Route::travelMillis).sum();
    }

    public long staffUsed() {
        return routes.stream().filter(route -> !route.visitIds().isEmpty()).count();
    }

    /** Milliseconds outside their windows summed over visits: the HHCRSP "total tardiness". */
    public long totalOutsideWindowMillis() {
        return visitTimes.values().stream().mapToLong(VisitTimes::outsideWindowMillis).sum();
    }

    public long maxOutsideWindowMillis() {
        return visitTimes.values().stream().mapToLong(VisitTimes::outsideWindowMillis).max().orElse(0);
    }
}
