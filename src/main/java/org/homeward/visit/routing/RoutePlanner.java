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
import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.impl.heuristic.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListRuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationCompositionStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    static final HardMediumSoftLongScore FULLER_ROUTES_WEIGHT =
            HardMediumSoftLongScore.ofSoft(RoutingConstraints.HOUR_MILLIS);

    /**
     * How long local search may go without a better plan, as a share of the time limit (at least
     * {@link #MIN_STALL_MILLIS}), before ruin-and-recreate moves join in once the plan is feasible.
     */
    static final double STALL_SHARE = 0.05;
    static final long MIN_STALL_MILLIS = 500;

    /** The share of a step limit (for repeatable solves) given to the phase with ruin-and-recreate moves. */
    static final double RUIN_AND_RECREATE_STEP_SHARE = 0.1;

    /**
     * Ruin-and-recreate moves are picked this often against 1 for each other kind of move in plans of up to
     * {@link #RUIN_AND_RECREATE_FULL_WEIGHT_VISITS} visits, and less often in larger plans, by the square of the ratio:
     * each such move costs more the more visits and positions there are, and on a 300-visit day at full weight they
     * cost the search more than they found (county day, 30 s: 54.0 h of travel without them, 60.0 h with them).
     */
    static final double RUIN_AND_RECREATE_WEIGHT = 0.02;
    static final int RUIN_AND_RECREATE_FULL_WEIGHT_VISITS = 50;

    /** A visit count that gives ruin-and-recreate moves no weight at all. */
    static final int NO_RUIN_AND_RECREATE = -1;

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
        // a re-plan (visits already started, pinned) goes without ruin-and-recreate: Timefold 1.32's move can still
        // meet an unassigned position there and throw (county day re-plan at 12:00, 183 visits started)
        boolean replanning = problem.visits().stream().anyMatch(Visit::fixed);
        Solver<RoutePlan> solver = SolverFactory.<RoutePlan>create(config(limits,
                replanning ? NO_RUIN_AND_RECREATE : problem.visits().size())).buildSolver();
        solver.addEventListener(event -> betterPlans.accept(event.getNewBestSolution()));
        return solver.solve(problem);
    }

    /**
     * Places the plan's unplaced visits, each where it costs least, and moves nothing else: the construction heuristic
     * alone. For an urgent visit on a day whose staff already know their routes, the least disruptive answer; the
     * caller checks whether it is good enough or the day needs a real re-plan.
     */
    public RoutePlan insertUnplaced(RoutePlan problem) {
        SolverConfig config = config(SolveLimits.steps(1)).withPhases(new ConstructionHeuristicPhaseConfig());
        return SolverFactory.<RoutePlan>create(config).buildSolver().solve(problem);
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
     * k-opt moves so the search is never confined to neighbourhoods; with a positive {@code ruinAndRecreateWeight},
     * also Timefold's ruin-and-recreate moves (a few visits taken out and put back where they cost least) picked with
     * that weight against 1 for each other kind of move.
     */
    static LocalSearchPhaseConfig localSearch(TerminationConfig termination, double ruinAndRecreateWeight) {
        List<MoveSelectorConfig> moves = new ArrayList<>(List.of(
                new ListChangeMoveSelectorConfig().withFilterClass(NearbyMoves.ChangeFilter.class),
                new ListSwapMoveSelectorConfig().withFilterClass(NearbyMoves.SwapFilter.class),
                new ListChangeMoveSelectorConfig(),
                new KOptListMoveSelectorConfig()));
        if (ruinAndRecreateWeight > 0) {
            moves.forEach(move -> move.setFixedProbabilityWeight(1.0));
            moves.add(new ListRuinRecreateMoveSelectorConfig().withFixedProbabilityWeight(ruinAndRecreateWeight)
                    .withFilterClass(StartedVisitsStay.class));
        }
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectorList(moves))
                .withTerminationConfig(termination);
    }

    /**
     * The construction heuristic, then local search in two phases: the first without ruin-and-recreate moves, until
     * the plan is feasible and has not improved for {@link #STALL_SHARE} of the time limit (or for 90 % of a step
     * limit), the second with them until the limits say stop. Ruin-and-recreate moves get small benchmark instances
     * out of the local optima where the first phase stalls (HHCRSP B1 +30 % to +1 %) but slow the search down too
     * much to find a busy day's first feasible plan, so they wait for one.
     */
    SolverConfig config(SolveLimits limits) {
        return config(limits, 0);
    }

    /** The ruin-and-recreate weight for a plan of this many visits. */
    static double ruinAndRecreateWeight(int visitCount) {
        if (visitCount == NO_RUIN_AND_RECREATE) {
            return 0;
        }
        double ratio = Math.min(1.0, RUIN_AND_RECREATE_FULL_WEIGHT_VISITS / (double) Math.max(1, visitCount));
        return RUIN_AND_RECREATE_WEIGHT * ratio * ratio;
    }

    SolverConfig config(SolveLimits limits, int visitCount) {
        TerminationConfig solverTermination = new TerminationConfig();
        if (limits.timeLimit() != null) {
            solverTermination.setSpentLimit(limits.timeLimit());
        }
        List<TerminationConfig> firstEnds = new ArrayList<>();
        TerminationConfig secondEnds = new TerminationConfig();
        if (limits.localSearchSteps() > 0) {
            int firstSteps = (int) Math.max(1, Math.round(limits.localSearchSteps() * (1 - RUIN_AND_RECREATE_STEP_SHARE)));
            firstEnds.add(new TerminationConfig().withStepCountLimit(firstSteps));
            secondEnds.setStepCountLimit((int) Math.max(1, limits.localSearchSteps() - firstSteps));
        }
        if (limits.unimprovedSteps() > 0) {
            firstEnds.add(new TerminationConfig().withUnimprovedStepCountLimit((int) limits.unimprovedSteps()));
            secondEnds.setUnimprovedStepCountLimit((int) limits.unimprovedSteps());
        }
        if (limits.unimprovedTime() != null) {
            firstEnds.add(new TerminationConfig().withUnimprovedMillisecondsSpentLimit(limits.unimprovedTime().toMillis()));
            secondEnds.setUnimprovedMillisecondsSpentLimit(limits.unimprovedTime().toMillis());
        }
        if (limits.timeLimit() != null) {
            long stall = Math.max(MIN_STALL_MILLIS, Math.round(limits.timeLimit().toMillis() * STALL_SHARE));
            firstEnds.add(new TerminationConfig().withTerminationCompositionStyle(TerminationCompositionStyle.AND)
                    .withTerminationConfigList(List.of(new TerminationConfig().withBestScoreFeasible(true),
                            new TerminationConfig().withUnimprovedMillisecondsSpentLimit(stall))));
        }
        TerminationConfig firstEnd = new TerminationConfig().withTerminationCompositionStyle(TerminationCompositionStyle.OR)
                .withTerminationConfigList(firstEnds);
        return new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(Staff.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraints.class)
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(randomSeed)
                .withTerminationConfig(solverTermination)
                .withPhases(new ConstructionHeuristicPhaseConfig(), localSearch(firstEnd, 0),
                        localSearch(secondEnds, ruinAndRecreateWeight(visitCount)));
    }

    /**
     * Keeps ruin-and-recreate moves off visits already started on re-planning: Timefold 1.32's move takes a pinned
     * visit out like any other, and its recreate step, which leaves pinned positions alone, then cannot put it back.
     */
    public static final class StartedVisitsStay implements SelectionFilter<RoutePlan, Move<RoutePlan>> {

        @Override
        public boolean accept(ScoreDirector<RoutePlan> scoreDirector, Move<RoutePlan> move) {
            return move.getPlanningValues().stream()
                    .noneMatch(value -> value instanceof Visit visit && visit.actualStartMillis() != null);
        }
    }
}
