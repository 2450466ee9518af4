package org.homeward.visit.routing;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.util.function.Consumer;

/**
 * Solves a {@link RoutePlan}: a construction heuristic places every unplaced visit (all of them for a new day, the
 * urgent newcomer on re-planning), then local search improves the routes until the limits say stop. The input plan
 * is left as it was; the best plan found is returned.
 */
public final class RoutePlanner {

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

    /** As {@link #solve(RoutePlan, SolveLimits)}, handing each better plan found on the way to {@code betterPlans}. */
    public RoutePlan solve(RoutePlan problem, SolveLimits limits, Consumer<RoutePlan> betterPlans) {
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
                .withPhases(new ConstructionHeuristicPhaseConfig(),
                        new LocalSearchPhaseConfig().withTerminationConfig(localSearchTermination));
    }
}
