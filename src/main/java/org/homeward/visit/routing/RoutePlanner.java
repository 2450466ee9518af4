package org.homeward.visit.routing;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Solves a {@link RoutePlan}: a construction heuristic places every unplaced visit (all of them for a new day, the
 * urgent newcomer on re-planning), then local search improves the routes until the limits say stop. The input plan
 * is left as it was; the best plan found is returned.
 */
public final class RoutePlanner {

    static final int LATE_ACCEPTANCE_SIZE = 20;

    /** The share of the limits the route-elimination stage gets when a plan counts staff used. */
    static final double ROUTE_ELIMINATION_SHARE = 0.5;

    /**
     * The weight of {@link RoutingConstraints#FULLER_ROUTES} in the route-elimination stage: an hour per unit of the
     * summed squared route lengths, so that travel only breaks ties between equally full routes.
     */
    static final HardMediumSoftLongScore FULLER_ROUTES_WEIGHT = HardMediumSoftLongScore.ofSoft(RoutingConstraints.HOUR_MILLIS);

    private final EnvironmentMode environmentMode;
    private final long randomSeed;

    public RoutePlanner() {
        this(EnvironmentMode.PHASE_ASSERT, 0);
    }

    /** Tests use {@link EnvironmentMode#FULL_ASSERT} to catch score corruption; benchmarks try other seeds. */
    RoutePlanner(EnvironmentMode environmentMode, long randomSeed) {
        this.environmentMode = environmentMode;
        this.randomSeed = randomSeed;
    }

    public RoutePlan solve(RoutePlan problem, SolveLimits limits) {
        return solve(problem, limits, better -> { });
    }

    /**
     * As {@link #solve(RoutePlan, SolveLimits)}, handing each better plan found on the way to {@code betterPlans}.
     *
     * <p>A plan that counts staff used (a benchmark's fewest-vehicles objective; the product does not) is solved in
     * two stages: first with {@link RoutingConstraints#FULLER_ROUTES} switched on, which gives local search a slope
     * towards emptying the shortest routes, then from that plan under the plan's own weights, where the count of
     * staff used, a higher score level, can only stay or fall. Better plans are handed on from the second stage.
     */
    public RoutePlan solve(RoutePlan problem, SolveLimits limits, Consumer<RoutePlan> betterPlans) {
        if (!problem.countsStaffUsed()) {
            return run(problem, limits, betterPlans);
        }
        Map<String, HardMediumSoftLongScore> ownWeights = problem.weightOverrides();
        Map<String, HardMediumSoftLongScore> eliminating = new HashMap<>(ownWeights);
        eliminating.put(RoutingConstraints.FULLER_ROUTES, FULLER_ROUTES_WEIGHT);
        RoutePlan fewerRoutes = run(problem.withWeights(eliminating), limits.share(ROUTE_ELIMINATION_SHARE),
                better -> { });
        return run(fewerRoutes.withWeights(ownWeights), limits.share(1 - ROUTE_ELIMINATION_SHARE), betterPlans);
    }

    private RoutePlan run(RoutePlan problem, SolveLimits limits, Consumer<RoutePlan> betterPlans) {
        Solver<RoutePlan> solver = SolverFactory.<RoutePlan>create(config(limits)).buildSolver();
        solver.addEventListener(event -> betterPlans.accept(event.getNewBestSolution()));
        return solver.solve(problem);
    }

    /**
     * Times the plan's routes as they stand and scores them, without solving: for a coordinator's draft or a plan
     * made elsewhere. The plan's visits get their arrival and start times; the score is returned and kept.
     */
    public HardMediumSoftLongScore score(RoutePlan plan) {
        SolverFactory<RoutePlan> factory = SolverFactory.create(config(SolveLimits.steps(1)));
        return SolutionManager.<RoutePlan, HardMediumSoftLongScore>create(factory).update(plan);
    }

    /**
     * Late acceptance over a short history (the default 400 steps drifted for too long in 10-30 second solves), with
     * list change and swap moves mostly between nearby visits, plus unrestricted changes and Timefold's 2-opt style
     * k-opt moves so the search is never confined to neighbourhoods.
     */
    static LocalSearchPhaseConfig localSearch(TerminationConfig termination) {
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                        new ListChangeMoveSelectorConfig().withFilterClass(NearbyMoves.ChangeFilter.class),
                        new ListSwapMoveSelectorConfig().withFilterClass(NearbyMoves.SwapFilter.class),
                        new ListChangeMoveSelectorConfig(),
                        new KOptListMoveSelectorConfig()))
                .withTerminationConfig(termination);
    }

    SolverConfig config(SolveLimits limits) {
        TerminationConfig solverTermination = new TerminationConfig();
        if (limits.timeLimit() != null) {
            solverTermination.setSpentLimit(limits.timeLimit());
        }
        TerminationConfig localSearchTermination = new TerminationConfig();
        if (limits.localSearchSteps() > 0) {
            localSearchTermination.setStepCountLimit((int) limits.localSearchSteps());
        }
        if (limits.unimprovedSteps() > 0) {
            localSearchTermination.setUnimprovedStepCountLimit((int) limits.unimprovedSteps());
        }
        return new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(Staff.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraints.class)
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(randomSeed)
                .withTerminationConfig(solverTermination)
                .withPhases(new ConstructionHeuristicPhaseConfig(), localSearch(localSearchTermination));
    }
}
