package org.homeward.visit.routing.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.homeward.visit.routing.Replanning;
import org.homeward.visit.routing.RouteEvaluation;
import org.homeward.visit.routing.RouteEvaluator;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.RoutePlanner;
import org.homeward.visit.routing.SolveLimits;
import org.homeward.visit.routing.StartedVisit;
import org.homeward.visit.routing.Visit;

/**
 * The product-sized goals of issue 4: the county day (300 visits, 40 staff) planned feasibly within 10 seconds, and
 * after an urgent visit at noon a new feasible plan within 2 seconds. Reports the time to the first feasible plan
 * with every visit placed, as the independent evaluator sees it, and the plan at the end of the run.
 */
final class CountyDayBenchmark {

    private CountyDayBenchmark() {
    }

    static void run(Duration dayLimit) {
        RoutePlanner planner = new RoutePlanner();
        AtomicLong firstFeasible = new AtomicLong(-1);
        long start = System.nanoTime();
        RoutePlan day = planner.solve(CountyDay.plan(), SolveLimits.timeLimit(dayLimit),
                better -> noteFeasible(better, start, firstFeasible));
        RouteEvaluation evaluation = RouteEvaluator.evaluate(day);
        System.out.printf(Locale.ROOT, "%nCounty day: %d visits, %d staff, %s%n", day.visits().size(),
                day.staff().size(), day.travelModelName());
        System.out.println("| run | limit | first feasible plan after | feasible at the end | score | travel (h) |");
        System.out.println("|---|---|---|---|---|---|");
        row("plan the day", dayLimit, firstFeasible.get(), evaluation, day);

        long now = CountyDay.at(12, 0);
        List<StartedVisit> started = new ArrayList<>();
        evaluation.visitTimes().values().stream().filter(times -> times.startMillis() < now)
                .forEach(times -> started.add(new StartedVisit(times.visitId(), times.staffId(), times.startMillis())));
        Visit urgent = CountyDay.urgentVisit(now);
        RoutePlan problem = Replanning.at(day, now, started, List.of(urgent));
        Duration replanLimit = Duration.ofSeconds(2);
        AtomicLong replanFeasible = new AtomicLong(-1);
        long replanStart = System.nanoTime();
        RoutePlan replanned = planner.solve(problem, SolveLimits.timeLimit(replanLimit),
                better -> noteFeasible(better, replanStart, replanFeasible));
        row("re-plan at 12:00 with " + started.size() + " visits started and one urgent visit", replanLimit,
                replanFeasible.get(), RouteEvaluator.evaluate(replanned), replanned);
    }

    private static void noteFeasible(RoutePlan better, long start, AtomicLong firstFeasible) {
        if (firstFeasible.get() < 0 && better.score().isFeasible()
                && better.visits().stream().allMatch(visit -> visit.staff() != null)) {
            firstFeasible.set((System.nanoTime() - start) / 1_000_000);
        }
    }

    private static void row(String run, Duration limit, long firstFeasibleMillis, RouteEvaluation evaluation,
            RoutePlan plan) {
        System.out.printf(Locale.ROOT, "| %s | %d s | %s | %s | %s | %.1f |%n", run, limit.toSeconds(),
                firstFeasibleMillis < 0 ? "not reached" : String.format(Locale.ROOT, "%.2f s",
                        firstFeasibleMillis / 1000.0), RoutingBenchmark.feasibility(evaluation), plan.score(),
                evaluation.totalTravelMillis() / 3_600_000.0);
    }
}
