package org.homeward.visit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.visit.routing.RouteFixtures.HOME_A;
import static org.homeward.visit.routing.RouteFixtures.HOME_B;
import static org.homeward.visit.routing.RouteFixtures.at;
import static org.homeward.visit.routing.RouteFixtures.nurse;
import static org.homeward.visit.routing.RouteFixtures.plan;
import static org.homeward.visit.routing.RouteFixtures.visit;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Skills are never broken silently (issue 9): whatever the solver hands back, a visit given to someone without every
 * skill it needs is taken off the route, with the other half of a two-staff visit, and the route is timed without it.
 */
class SkillsKeptTests {

    @Test
    void takesAChildsIvDoseOffAnAdultIvNursesRouteAndLeavesTheRestTimedWithoutIt() {
        Staff adultIvNurse = nurse("adult", "IV").build();
        Visit childsDose = visit("child-iv", HOME_A).requires("IV").requires("paediatric").build();
        Visit adultsDose = visit("adult-iv", HOME_B).requires("IV").build();
        RoutePlan plan = plan(List.of(adultIvNurse), List.of(childsDose, adultsDose));
        plan.assignRoute("adult", List.of("child-iv", "adult-iv"));

        List<String> takenOut = plan.takeOutVisitsMissingSkills();

        assertThat(takenOut).containsExactly("child-iv");
        RouteEvaluation evaluation = RouteEvaluator.evaluate(plan);
        assertThat(evaluation.route("adult").visitIds()).containsExactly("adult-iv");
        assertThat(evaluation.violations(RouteEvaluation.Rule.REQUIRED_SKILL)).isEmpty();
        // straight from base to B: twenty minutes, not via A
        assertThat(evaluation.times("adult-iv").arrivalMillis()).isEqualTo(at(8, 20));
    }

    @Test
    void takesOutBothHalvesOfATwoStaffVisitWhoseLeadLacksTheSkill() {
        Staff adultNurse = nurse("adult", "RN").build();
        Staff helper = nurse("helper").build();
        Visit lead = visit("lift", HOME_A).requires("paediatric").build();
        Visit assistant = visit("lift/assist", HOME_A).build();
        Visit.together(lead, assistant);
        RoutePlan plan = plan(List.of(adultNurse, helper), List.of(lead, assistant));
        plan.assignRoute("adult", List.of("lift"));
        plan.assignRoute("helper", List.of("lift/assist"));

        assertThat(plan.takeOutVisitsMissingSkills()).containsExactly("lift", "lift/assist");
        assertThat(plan.staffMember("helper").visits()).isEmpty();
    }

    @Test
    void leavesAPlanThatKeepsEverySkillAsItIs() {
        Staff childrensIvNurse = nurse("child", "IV", "paediatric").build();
        Visit childsDose = visit("child-iv", HOME_A).requires("IV").requires("paediatric").build();
        RoutePlan plan = plan(List.of(childrensIvNurse), List.of(childsDose));
        plan.assignRoute("child", List.of("child-iv"));

        assertThat(plan.takeOutVisitsMissingSkills()).isEmpty();
        assertThat(plan.staffMember("child").visits()).extracting(Visit::id).containsExactly("child-iv");
    }
}
