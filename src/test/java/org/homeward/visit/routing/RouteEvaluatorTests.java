package org.homeward.visit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.homeward.visit.routing.RouteFixtures.BASE;
import static org.homeward.visit.routing.RouteFixtures.FAR_BASE;
import static org.homeward.visit.routing.RouteFixtures.HOME_A;
import static org.homeward.visit.routing.RouteFixtures.HOME_B;
import static org.homeward.visit.routing.RouteFixtures.at;
import static org.homeward.visit.routing.RouteFixtures.min;
import static org.homeward.visit.routing.RouteFixtures.nurse;
import static org.homeward.visit.routing.RouteFixtures.plan;
import static org.homeward.visit.routing.RouteFixtures.route;
import static org.homeward.visit.routing.RouteFixtures.visit;

import java.util.List;
import org.homeward.visit.routing.RouteEvaluation.Rule;
import org.homeward.visit.routing.RouteEvaluation.Violation;
import org.homeward.visit.routing.RouteEvaluation.VisitTimes;
import org.junit.jupiter.api.Test;

/** Routes timed by hand (in the comments) and by the evaluator, which must agree to the millisecond. */
class RouteEvaluatorTests {

    /** (30, 20): 30 minutes from HOME_B, sqrt(30^2 + 20^2) = 36.0555 minutes from BASE. */
    private static final Location HOME_C = Location.plane(5, 30, 20);

    @Test
    void timesARouteWithWaitingABreakAndTheWayBack() {
        Staff nurse = nurse("n1").staffBreak(new StaffBreak(at(12, 0), at(12, 30), min(30))).build();
        Visit a = visit("a", HOME_A).window(at(9, 0), at(9, 30)).build();
        Visit b = visit("b", HOME_B).lasting(min(60)).window(at(11, 0), at(13, 0)).build();
        Visit c = visit("c", HOME_C).build();
        route(nurse, a, b, c);

        RouteEvaluation evaluation = RouteEvaluator.evaluate(plan(List.of(nurse), List.of(a, b, c)));

        // a: leave 08:00, 10 min to A, arrive 08:10, wait 50 for the 09:00 window, 09:00-09:30
        assertThat(evaluation.times("a")).isEqualTo(new VisitTimes("a", "n1", at(8, 10), at(9, 0), at(9, 30), null, 0));
        assertThat(evaluation.times("a").waitingMillis()).isEqualTo(min(50));
        // b: leave 09:30, 10 min to B, arrive 09:40 (before 12:00: no break), wait for 11:00, 11:00-12:00
        assertThat(evaluation.times("b")).isEqualTo(new VisitTimes("b", "n1", at(9, 40), at(11, 0), at(12, 0), null,
                0));
        // c: leave 12:00; 30 min to C would arrive 12:30 >= 12:00, so the break is taken first, 12:00-12:30,
        // arrive 13:00, 13:00-13:30
        assertThat(evaluation.times("c")).isEqualTo(new VisitTimes("c", "n1", at(13, 0), at(13, 0), at(13, 30),
                at(12, 0), 0));
        // home: sqrt(1300) = 36.0555128 min = 2,163,330.8 ms, rounded to 2,163,331 ms after 13:30;
        // distance 10 + 10 + 30 + 36.0555 = 86.0555
        RouteEvaluation.Route route = evaluation.route("n1");
        assertThat(route.endMillis()).isEqualTo(at(13, 30) + 2_163_331);
        assertThat(route.breakStartMillis()).isEqualTo(at(12, 0));
        assertThat(route.distance()).isCloseTo(86.0555, within(0.0001));
        assertThat(route.travelMillis()).isEqualTo(min(10) + min(10) + min(30) + 2_163_331);
        assertThat(evaluation.feasible()).isTrue();
    }

    @Test
    void timesATwoStaffVisitAndAGapAcrossRoutes() {
        // n1 from BASE reaches A at 08:10, n2 from FAR_BASE at 08:30: the hoist starts 08:30 for both, ends 09:00.
        // n2 then reaches B at 09:10, but the check must wait 60 minutes after the hoist started: 09:30.
        Staff first = nurse("n1").build();
        Staff second = Staff.builder("n2").startsAt(FAR_BASE).shift(at(8, 0), at(17, 0)).build();
        Visit hoist = visit("hoist", HOME_A).build();
        Visit hoistHelp = visit("hoist-2", HOME_A).build();
        Visit check = visit("check", HOME_B).build();
        Visit.together(hoist, hoistHelp);
        Visit.startsAfter(check, hoist, min(60), min(90));
        route(first, hoist);
        route(second, hoistHelp, check);

        RouteEvaluation evaluation = RouteEvaluator.evaluate(plan(List.of(first, second),
                List.of(hoist, hoistHelp, check)));

        assertThat(evaluation.times("hoist").arrivalMillis()).isEqualTo(at(8, 10));
        assertThat(evaluation.times("hoist").startMillis()).isEqualTo(at(8, 30));
        assertThat(evaluation.times("hoist-2").startMillis()).isEqualTo(at(8, 30));
        assertThat(evaluation.times("check").arrivalMillis()).isEqualTo(at(9, 10));
        assertThat(evaluation.times("check").startMillis()).isEqualTo(at(9, 30));
        assertThat(evaluation.feasible()).isTrue();
    }

    @Test
    void reportsEachBrokenRuleWithItsAmount() {
        // n1 (shift to 09:00, no skills) does a (due 08:05, needs IV) then b: a arrives 08:10, 5 min late,
        // ends 08:40; b 08:50-09:20; back at 09:40: 40 minutes over. n2 has two visits, one over the maximum.
        Staff short1 = Staff.builder("n1").startsAt(BASE).shift(at(8, 0), at(9, 0)).build();
        Staff limited = nurse("n2").maxVisits(1).build();
        Visit a = visit("a", HOME_A).window(at(8, 0), at(8, 5)).requires("IV").build();
        Visit b = visit("b", HOME_B).build();
        Visit c = visit("c", HOME_A).build();
        Visit d = visit("d", HOME_B).build();
        Visit nowhere = visit("nowhere", HOME_A).build();
        route(short1, a, b);
        route(limited, c, d);

        RouteEvaluation evaluation = RouteEvaluator.evaluate(plan(List.of(short1, limited),
                List.of(a, b, c, d, nowhere)));

        assertThat(evaluation.violations()).containsExactlyInAnyOrder(
                new Violation(Rule.UNASSIGNED, "nowhere", 1),
                new Violation(Rule.REQUIRED_SKILL, "a", 1),
                new Violation(Rule.TIME_WINDOW, "a", min(5)),
                new Violation(Rule.SHIFT_END, "n1", min(40)),
                new Violation(Rule.MAX_VISITS, "n2", 1));
        assertThat(evaluation.feasible()).isFalse();
    }

    @Test
    void findsTwoStaffVisitsWaitingForEachOtherInACircle() {
        Staff first = nurse("n1").build();
        Staff second = nurse("n2").build();
        Visit p1 = visit("p1", HOME_A).build();
        Visit p2 = visit("p2", HOME_A).build();
        Visit q1 = visit("q1", HOME_B).build();
        Visit q2 = visit("q2", HOME_B).build();
        Visit.together(p1, p2);
        Visit.together(q1, q2);
        route(first, p1, q1);
        route(second, q2, p2);

        RouteEvaluation evaluation = RouteEvaluator.evaluate(plan(List.of(first, second), List.of(p1, p2, q1, q2)));

        assertThat(evaluation.violations(Rule.CIRCULAR_WAIT)).extracting(Violation::subject)
                .containsExactlyInAnyOrder("p1", "p2", "q1", "q2");
    }

    @Test
    void addsLatenessForTheHhcrspObjective() {
        // a arrives 08:10, due 08:05: 5 late; b arrives 08:50, due 08:30: 20 late
        Staff nurse = nurse("n1").build();
        Visit a = visit("a", HOME_A).window(at(8, 0), at(8, 5)).build();
        Visit b = visit("b", HOME_B).window(at(8, 0), at(8, 30)).build();
        route(nurse, a, b);

        RouteEvaluation evaluation = RouteEvaluator.evaluate(plan(List.of(nurse), List.of(a, b)));

        assertThat(evaluation.totalOutsideWindowMillis()).isEqualTo(min(25));
        assertThat(evaluation.maxOutsideWindowMillis()).isEqualTo(min(20));
        assertThat(evaluation.totalDistance()).isCloseTo(40.0, within(1e-9));
        assertThat(evaluation.staffUsed()).isEqualTo(1);
    }
}
