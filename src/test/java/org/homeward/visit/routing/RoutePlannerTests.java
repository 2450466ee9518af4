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
        assertThat(solved.score().isFeasible()).isTrue();
        assertThat(solved.visits()).allSatisfy(visit -> {
            assertThat(evaluation.times(visit.id()).startMillis()).as(visit.id()).isEqualTo(visit.startMillis());
            assertThat(evaluation.times(visit.id()).arrivalMillis()).as(visit.id()).isEqualTo(visit.arrivalMillis());
        });
        assertThat(-solved.score().softScore()).isGreaterThanOrEqualTo(evaluation.totalTravelMillis());
    }
}
