package org.homeward.visit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListRuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.termination.TerminationCompositionStyle;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Solves small days with step limits, never time limits, so results do not depend on the machine's speed. */
class RoutePlannerTests {

    @Test
    void plansASmallDayFeasiblyAsTheIndependentEvaluatorSeesIt() {
        RoutePlan solved = new RoutePlanner().solve(SmallDay.plan(), SolveLimits.steps(4_000));

        RouteEvaluation evaluation = RouteEvaluator.evaluate(solved);
        assertThat(evaluation.violations()).isEmpty();
        // links survive the solver's cloning of the plan: they point at the solved plan's own visits
        assertThat(solved.visit("hoist-p14").sameTimeAs()).isSameAs(solved.visit("hoist-p14-second"));
        assertThat(solved.visit("neb-check-p7").follows()).isSameAs(solved.visit("neb-p7"));
        assertThat(solved.visit("hoist-p14").startMillis()).isEqualTo(solved.visit("hoist-p14-second").startMillis());
        assertThat(solved.visit("hoist-p14").staff()).isNotSameAs(solved.visit("hoist-p14-second").staff());
        assertThat(solved.score().isFeasible()).isTrue();
        assertThat(solved.visits()).allSatisfy(visit -> {
            assertThat(evaluation.times(visit.id()).startMillis()).as(visit.id()).isEqualTo(visit.startMillis());
            assertThat(evaluation.times(visit.id()).arrivalMillis()).as(visit.id()).isEqualTo(visit.arrivalMillis());
        });
        assertThat(-solved.score().softScore()).isGreaterThanOrEqualTo(evaluation.totalTravelMillis());
    }

    /**
     * FULL_ASSERT recalculates the score and the shadow variables from scratch after every move and fails on any
     * difference from the incremental result: the test that the timing listener and the constraints agree.
     */
    @Test
    void keepsItsIncrementalScoreExactWhileMovingLinkedVisits() {
        RoutePlan solved = new RoutePlanner(EnvironmentMode.FULL_ASSERT, 7).solve(SmallDay.plan(),
                SolveLimits.steps(300));

        assertThat(solved.visits()).allSatisfy(visit -> assertThat(visit.staff()).isNotNull());
    }

    /**
     * A plan counting staff used is solved first with fuller routes rewarded, then under its own weights: FULL_ASSERT
     * checks both stages move by move, and nothing of the first stage's objective may leak into what comes back.
     */
    @Test
    void solvesAPlanCountingStaffUsedInTwoStagesAndHandsBackOnlyItsOwnObjective() {
        RoutePlan day = SmallDay.plan();
        RoutePlan fewestStaff = RoutePlan.withExactWeights("small day, fewest staff", day.travelModel(), day.staff(),
                day.visits(), Map.of(RoutingConstraints.STAFF_USED, HardMediumSoftLongScore.ONE_MEDIUM));
        List<RoutePlan> handedOn = new ArrayList<>();

        RoutePlan solved = new RoutePlanner(EnvironmentMode.FULL_ASSERT, 7).solve(fewestStaff, SolveLimits.steps(300),
                handedOn::add);

        assertThat(solved.weightOverrides()).isEqualTo(fewestStaff.weightOverrides())
                .doesNotContainKey(RoutingConstraints.FULLER_ROUTES);
        assertThat(handedOn).allSatisfy(plan -> assertThat(plan.weightOverrides())
                .doesNotContainKey(RoutingConstraints.FULLER_ROUTES));
        RouteEvaluation evaluation = RouteEvaluator.evaluate(solved);
        assertThat(solved.score().mediumScore()).isEqualTo(-evaluation.staffUsed());
        // the soft score is travel alone (every other soft rule weighs its default), no reward for fuller routes
        HardMediumSoftLongScore kept = solved.score();
        assertThat(new RoutePlanner().score(solved)).isEqualTo(kept);
    }

    @Test
    void givesEachStageItsShareOfTheLimits() {
        SolveLimits limits = new SolveLimits(Duration.ofSeconds(10), 301, 50);

        assertThat(limits.share(0.5)).isEqualTo(new SolveLimits(Duration.ofSeconds(5), 151, 50));
        assertThat(SolveLimits.steps(1).share(0.5)).isEqualTo(SolveLimits.steps(1));
        assertThat(SolveLimits.timeLimit(Duration.ofMillis(1)).share(0.1))
                .isEqualTo(SolveLimits.timeLimit(Duration.ofMillis(1)));
    }

    /**
     * Ruin-and-recreate moves come in a second local-search phase, which a timed solve reaches once the plan is
     * feasible and has stalled (both, so a busy day's first feasible plan is never slowed down by them), and a step
     * limited solve for its last tenth of the steps; they never touch a started visit.
     */
    @Test
    void bringsInRuinAndRecreateMovesOnlyOnceAPlanIsFeasibleAndStalled() {
        List<PhaseConfig> timed = new RoutePlanner().config(SolveLimits.timeLimit(Duration.ofSeconds(20)))
                .getPhaseConfigList();
        List<PhaseConfig> stepped = new RoutePlanner().config(SolveLimits.steps(1_000)).getPhaseConfigList();

        assertThat(timed).hasSize(3);
        assertThat(ruinAndRecreate(timed.get(1))).isEmpty();
        TerminationConfig firstEnds = timed.get(1).getTerminationConfig().getTerminationConfigList().get(0);
        assertThat(firstEnds.getTerminationCompositionStyle()).isEqualTo(TerminationCompositionStyle.AND);
        assertThat(firstEnds.getTerminationConfigList()).extracting(TerminationConfig::getBestScoreFeasible,
                TerminationConfig::getUnimprovedMillisecondsSpentLimit).containsExactly(
                        tuple(true, null), tuple(null, 1_000L));
        assertThat(ruinAndRecreate(timed.get(2))).singleElement().satisfies(move ->
                assertThat(move.getFilterClass()).isEqualTo(RoutePlanner.StartedVisitsStay.class));
        assertThat(stepped.get(1).getTerminationConfig().getTerminationConfigList())
                .extracting(TerminationConfig::getStepCountLimit).containsExactly(900);
        assertThat(stepped.get(2).getTerminationConfig().getStepCountLimit()).isEqualTo(100);
    }

    @Test
    void stopsEachLocalSearchPhaseAfterTheUnimprovedTimeEvenWhenAStepNeverEnds() {
        List<PhaseConfig> phases = new RoutePlanner().config(SolveLimits.steps(1_000)
                .orUnimprovedFor(Duration.ofMillis(700))).getPhaseConfigList();

        assertThat(phases.get(1).getTerminationConfig().getTerminationConfigList())
                .extracting(TerminationConfig::getStepCountLimit, TerminationConfig::getUnimprovedMillisecondsSpentLimit)
                .containsExactly(tuple(900, null), tuple(null, 700L));
        assertThat(phases.get(2).getTerminationConfig().getUnimprovedMillisecondsSpentLimit()).isEqualTo(700L);
        assertThat(phases.get(2).getTerminationConfig().getStepCountLimit()).isEqualTo(100);
        assertThat(SolveLimits.steps(1_000).orUnimprovedFor(Duration.ofMillis(700)).share(0.5).unimprovedTime())
                .isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void leavesRuinAndRecreateOutOfARePlan() {
        List<PhaseConfig> phases = new RoutePlanner().config(SolveLimits.timeLimit(Duration.ofSeconds(2)),
                RoutePlanner.NO_RUIN_AND_RECREATE).getPhaseConfigList();

        assertThat(phases).hasSize(3);
        assertThat(ruinAndRecreate(phases.get(1))).isEmpty();
        assertThat(ruinAndRecreate(phases.get(2))).isEmpty();
    }

    @Test
    void picksRuinAndRecreateMovesLessOftenInLargerPlans() {
        assertThat(RoutePlanner.ruinAndRecreateWeight(33)).isEqualTo(0.02);
        assertThat(RoutePlanner.ruinAndRecreateWeight(50)).isEqualTo(0.02);
        assertThat(RoutePlanner.ruinAndRecreateWeight(100)).isCloseTo(0.005, within(1e-12));
        assertThat(RoutePlanner.ruinAndRecreateWeight(300)).isCloseTo(0.02 / 36, within(1e-12));
        assertThat(ruinAndRecreate(new RoutePlanner().config(SolveLimits.steps(10), 100).getPhaseConfigList().get(2)))
                .singleElement().satisfies(move -> assertThat(move.getFixedProbabilityWeight())
                        .isCloseTo(0.005, within(1e-12)));
    }

    private static List<ListRuinRecreateMoveSelectorConfig> ruinAndRecreate(PhaseConfig phase) {
        return ((UnionMoveSelectorConfig) ((LocalSearchPhaseConfig) phase).getMoveSelectorConfig())
                .getMoveSelectorList().stream().filter(ListRuinRecreateMoveSelectorConfig.class::isInstance)
                .map(ListRuinRecreateMoveSelectorConfig.class::cast).toList();
    }
}
