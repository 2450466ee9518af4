package org.homeward.visit.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import org.homeward.visit.routing.RouteEvaluation;
import org.homeward.visit.routing.RouteEvaluator;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.RoutePlannerAccess;
import org.homeward.visit.routing.SolveLimits;
import org.junit.jupiter.api.Test;

/** The 25-patient instance has eight double services: many moves make two-staff visits wait on each other. */
class HhcrspSolveTests {

    @Test
    void keepsExactScoresWhileTwoStaffVisitsAndGapsAreMovedAround() throws Exception {
        RoutePlan problem = HhcrspReader.read(BenchData.hhcrsp("InstanzCPLEX_HCSRP_25_1.txt")).toPlan();

        RoutePlan solved = RoutePlannerAccess.planner(EnvironmentMode.FULL_ASSERT, 3).solve(problem,
                SolveLimits.steps(200));

        RouteEvaluation evaluation = RouteEvaluator.evaluate(solved);
        // lateness is a cost in this benchmark, not a broken rule; every other rule holds
        assertThat(evaluation.violations()).allMatch(violation -> violation.rule() == RouteEvaluation.Rule.TIME_WINDOW);
        assertThat(-solved.score().softScore() / 60_000.0 / 3)
                .isCloseTo(HhcrspInstance.objective(evaluation), within(0.01));
    }
}
