package org.homeward.visit.routing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.homeward.visit.routing.RouteEvaluation;
import org.homeward.visit.routing.RouteEvaluator;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.RoutePlanner;
import org.homeward.visit.routing.SolveLimits;

/**
 * Solves the benchmark instances for a fixed time each and prints what the independent {@link RouteEvaluator} makes
 * of the result next to the best-known values, with the gap in percent. Not a test: run it on purpose (see
 * bench/README.md). Arguments: {@code solomon}, {@code hhcrsp}, {@code county} or {@code all}, then the seconds per
 * instance (default 30), then optionally instance names to run only those.
 */
public final class RoutingBenchmark {

    private RoutingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String which = args.length > 0 ? args[0] : "all";
        Duration perInstance = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        List<String> only = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        if (which.equals("solomon") || which.equals("all")) {
            solomon(perInstance, only);
        }
        if (which.equals("hhcrsp") || which.equals("all")) {
            hhcrsp(perInstance, only);
        }
        if (which.equals("county") || which.equals("all")) {
            CountyDayBenchmark.run(perInstance);
        }
    }

    static void solomon(Duration perInstance, List<String> only) throws IOException {
        Map<String, BestKnown.Solomon> best = BestKnown.solomon(BenchData.folder().resolve("README.md"));
        System.out.printf(Locale.ROOT, "%nSolomon VRPTW, %d s per instance, objective: vehicles, then distance%n",
                perInstance.toSeconds());
        System.out.println("| instance | vehicles | distance | best vehicles | best distance | distance gap | feasible |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<Double> gaps = new ArrayList<>();
        List<Double> comparableGaps = new ArrayList<>();
        int moreVehicles = 0;
        for (Map.Entry<String, BestKnown.Solomon> entry : best.entrySet()) {
            if (!only.isEmpty() && !only.contains(entry.getKey())) {
                continue;
            }
            RoutePlan problem = SolomonReader.read(BenchData.solomon(entry.getKey())).toPlan();
            RoutePlan solved = new RoutePlanner().solve(problem, SolveLimits.timeLimit(perInstance));
            RouteEvaluation evaluation = RouteEvaluator.evaluate(solved);
            double gap = percent(evaluation.totalDistance(), entry.getValue().distance());
            gaps.add(gap);
            if (evaluation.staffUsed() == entry.getValue().vehicles()) {
                comparableGaps.add(gap);
            } else if (evaluation.staffUsed() > entry.getValue().vehicles()) {
                moreVehicles++;
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %d | %.2f | %+.2f %% | %s |%n", entry.getKey(),
                    evaluation.staffUsed(), evaluation.totalDistance(), entry.getValue().vehicles(),
                    entry.getValue().distance(), gap, feasibility(evaluation));
        }
        System.out.printf(Locale.ROOT, "mean distance gap: %+.2f %% over all; %+.2f %% over the %d instances at the "
                + "best-known vehicle count; %d instances with more vehicles than the best known%n", mean(gaps),
                mean(comparableGaps), comparableGaps.size(), moreVehicles);
    }

    static void hhcrsp(Duration perInstance, List<String> only) throws IOException {
        Map<String, Double> best = BestKnown.hhcrspBest(BenchData.hhcrsp("bks.csv"));
        Map<String, Double> bksCsv = BestKnown.hhcrsp(BenchData.hhcrsp("bks.csv"));
        System.out.printf(Locale.ROOT,
                "%nHHCRSP (Mankowska et al. 2014), %d s per instance, objective (travel + tardiness + max tardiness) / 3%n",
                perInstance.toSeconds());
        System.out.println("| instance | id | objective | best known | gap | bks.csv | travel | tardiness "
                + "| max tardiness | both services by one carer | other rules broken |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        List<Double> gaps = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(BenchData.folder().resolve("hhcrsp"))) {
            files = listing.filter(file -> file.getFileName().toString().startsWith("Instanz")).sorted(
                    (a, b) -> Integer.compare(patients(a), patients(b))).toList();
        }
        for (Path file : files) {
            String id = BestKnown.hhcrspId(file.getFileName().toString().replace(".txt", ""));
            if (!only.isEmpty() && !only.contains(id)) {
                continue;
            }
            RoutePlan solved = new RoutePlanner().solve(HhcrspReader.read(file).toPlan(),
                    SolveLimits.timeLimit(perInstance));
            RouteEvaluation evaluation = RouteEvaluator.evaluate(solved);
            double objective = HhcrspInstance.objective(evaluation);
            double gap = percent(objective, best.get(id));
            gaps.add(gap);
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %+.2f %% | %.2f | %.2f | %.2f | %.2f | %d | %s |%n",
                    file.getFileName().toString().replace(".txt", ""), id, objective, best.get(id), gap,
                    bksCsv.get(id), evaluation.totalDistance(), evaluation.totalOutsideWindowMillis() / 60_000.0,
                    evaluation.maxOutsideWindowMillis() / 60_000.0, sameCarerPairs(solved),
                    brokenBesidesLateness(evaluation));
        }
        System.out.printf(Locale.ROOT, "mean gap: %+.2f %%%n", mean(gaps));
    }

    /**
     * Precedence pairs whose two services one caregiver gives: the model allows it (a nurse may give a dose and check
     * it later), the BRKGA decoder behind some best-known values does not, so the table says when it happens.
     */
    private static long sameCarerPairs(RoutePlan plan) {
        return plan.visits().stream().filter(visit -> visit.follows() != null)
                .filter(visit -> visit.staff() == visit.follows().staff()).count();
    }

    /** Lateness is a cost in HHCRSP, not a broken rule; anything else the evaluator finds is. */
    private static String brokenBesidesLateness(RouteEvaluation evaluation) {
        List<RouteEvaluation.Violation> broken = evaluation.violations().stream()
                .filter(violation -> violation.rule() != RouteEvaluation.Rule.TIME_WINDOW).toList();
        return broken.isEmpty() ? "none" : broken.size() + ", first " + broken.get(0);
    }

    static String feasibility(RouteEvaluation evaluation) {
        return evaluation.feasible() ? "yes" : "NO: " + evaluation.violations().size() + " broken rules, first "
                + evaluation.violations().get(0);
    }

    private static int patients(Path file) {
        String[] parts = file.getFileName().toString().replace(".txt", "").split("_");
        return Integer.parseInt(parts[parts.length - 2]);
    }

    static double percent(double value, double best) {
        return (value - best) / best * 100.0;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
