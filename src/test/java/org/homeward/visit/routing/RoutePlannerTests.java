package org.homeward.visit.routing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
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
}
