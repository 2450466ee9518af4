package org.homeward.visit.routing;

import static org.assertj.core.api.Assertions.assertThat;
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

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import ai.timefold.solver.test.api.score.stream.SingleConstraintAssertion;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One nested class per constraint, each with a case the rule penalises (by a hand-computed amount) and one it
 * leaves alone. Times: shifts start 08:00 at BASE; HOME_A is 10 minutes away, HOME_B 10 minutes beyond A.
 */
class RoutingConstraintsTests {

    private static final ConstraintVerifier<RoutingConstraints, RoutePlan> verifier =
            ConstraintVerifier.build(new RoutingConstraints(), RoutePlan.class, Staff.class, Visit.class);

    private static SingleConstraintAssertion check(
            BiFunction<RoutingConstraints, ConstraintFactory, Constraint> constraint, RoutePlan plan) {
        return verifier.verifyThat(constraint).givenSolution(plan).settingAllShadowVariables();
    }

    @Nested
    class RequiredSkill {

        @Test
        void penalisesAVisitGivenBySomeoneWithoutItsSkill() {
            Staff nurse = nurse("n1", "IV").build();
            Visit phototherapy = visit("photo", HOME_A).requires("paediatric").build();
            Visit antibiotic = visit("iv", HOME_B).requires("IV").build();
            route(nurse, phototherapy, antibiotic);

            check(RoutingConstraints::requiredSkill, plan(List.of(nurse), List.of(phototherapy, antibiotic)))
                    .penalizesBy(RoutingConstraints.SKILL_HOURS);
        }

        @Test
        void penalisesAChildsIvDoseGivenByAnAdultIvNurseWithoutTheChildrensNurseSkill() {
            Staff adultIvNurse = nurse("n1", "IV").build();
            Visit childsDose = visit("iv-child", HOME_A).requires("IV").requires("paediatric").build();
            route(adultIvNurse, childsDose);

            check(RoutingConstraints::requiredSkill, plan(List.of(adultIvNurse), List.of(childsDose)))
                    .penalizesBy(RoutingConstraints.SKILL_HOURS);
        }

        @Test
        void acceptsAVisitNeedingTwoSkillsFromSomeoneWithBoth() {
            Staff childrensIvNurse = nurse("n1", "IV", "paediatric").build();
            Visit childsDose = visit("iv-child", HOME_A).requires("IV").requires("paediatric").build();
            route(childrensIvNurse, childsDose);

            check(RoutingConstraints::requiredSkill, plan(List.of(childrensIvNurse), List.of(childsDose)))
                    .hasNoImpact();
        }

        @Test
        void acceptsAVisitNeedingNoSkillOrASkillTheStaffMemberHas() {
            Staff nurse = nurse("n1", "IV").build();
            Visit review = visit("review", HOME_A).build();
            Visit antibiotic = visit("iv", HOME_B).requires("IV").build();
            route(nurse, review, antibiotic);

            check(RoutingConstraints::requiredSkill, plan(List.of(nurse), List.of(review, antibiotic))).hasNoImpact();
        }
    }

    @Nested
    class TimeWindow {

        @Test
        void acceptsAStartExactlyAtTheWindowEnd() {
            // leaves base 08:00, arrives at A 08:10, window 08:00-08:10: starts on the last allowed minute
            Staff nurse = nurse("n1").build();
            Visit dose = visit("dose", HOME_A).window(at(8, 0), at(8, 10)).build();
            route(nurse, dose);

            check(RoutingConstraints::timeWindow, plan(List.of(nurse), List.of(dose))).hasNoImpact();
        }

        @Test
        void penalisesEachMillisecondAfterTheWindowEnd() {
            // arrives 08:10, window closes 08:09: one minute late
            Staff nurse = nurse("n1").build();
            Visit dose = visit("dose", HOME_A).window(at(8, 0), at(8, 9)).build();
            route(nurse, dose);

            check(RoutingConstraints::timeWindow, plan(List.of(nurse), List.of(dose))).penalizesBy(min(1));
        }

        @Test
        void waitsForTheWindowToOpenInsteadOfStartingEarly() {
            // arrives 08:10, window opens 08:30: waits 20 minutes and starts on time
            Staff nurse = nurse("n1").build();
            Visit dose = visit("dose", HOME_A).window(at(8, 30), at(9, 0)).build();
            route(nurse, dose);
            RoutePlan plan = plan(List.of(nurse), List.of(dose));

            check(RoutingConstraints::timeWindow, plan).hasNoImpact();
        }

        @Test
        void movesOnToTheNextWindowWhenTheFirstHasClosed() {
            // arrives 08:10 after the 07:00-07:30 window; the 09:00-09:30 window is still to come
            Staff nurse = nurse("n1").build();
            Visit check = visit("check", HOME_A).window(at(7, 0), at(7, 30)).window(at(9, 0), at(9, 30)).build();
            route(nurse, check);

            check(RoutingConstraints::timeWindow, plan(List.of(nurse), List.of(check))).hasNoImpact();
        }
    }

    @Nested
    class ShiftEnd {

        @Test
        void acceptsARouteBackExactlyAtTheShiftEnd() {
            // 08:00 leave, 08:10 arrive, 40-minute visit to 08:50, 10 minutes back: 09:00 = shift end
            Staff nurse = Staff.builder("n1").startsAt(BASE).shift(at(8, 0), at(9, 0)).build();
            Visit review = visit("review", HOME_A).lasting(min(40)).build();
            route(nurse, review);

            check(RoutingConstraints::shiftEnd, plan(List.of(nurse), List.of(review))).hasNoImpact();
        }

        @Test
        void penalisesTheTimeBackAfterTheShiftEnd() {
            // a 41-minute visit: back 09:01, one minute over
            Staff nurse = Staff.builder("n1").startsAt(BASE).shift(at(8, 0), at(9, 0)).build();
            Visit review = visit("review", HOME_A).lasting(min(41)).build();
            route(nurse, review);

            check(RoutingConstraints::shiftEnd, plan(List.of(nurse), List.of(review))).penalizesBy(min(1));
        }

        @Test
        void countsTheReturnToADifferentEndLocation() {
            // 40-minute visit ends 08:50; the end location FAR_BASE is 30 minutes from A: back 09:20
            Staff nurse = Staff.builder("n1").startsAt(BASE).endsAt(FAR_BASE).shift(at(8, 0), at(9, 0)).build();
            Visit review = visit("review", HOME_A).lasting(min(40)).build();
            route(nurse, review);

            check(RoutingConstraints::shiftEnd, plan(List.of(nurse), List.of(review))).penalizesBy(min(20));
        }
    }

    @Nested
    class TwoStaffTogether {

        @Test
        void theFirstToArriveWaitsForThePartner() {
            // n1 arrives 08:10, n2 (from FAR_BASE, 30 minutes away) 08:30: both start 08:30
            Staff first = nurse("n1").build();
            Staff second = Staff.builder("n2").startsAt(FAR_BASE).shift(at(8, 0), at(17, 0)).build();
            Visit hoist = visit("hoist", HOME_A).patient("p1").build();
            Visit hoistHelp = visit("hoist-2", HOME_A).patient("p1").build();
            Visit.together(hoist, hoistHelp);
            route(first, hoist);
            route(second, hoistHelp);
            RoutePlan plan = plan(List.of(first, second), List.of(hoist, hoistHelp));

            check(RoutingConstraints::twoStaffTogether, plan).hasNoImpact();
        }

        @Test
        void penalisesTheTimeApartWhenTheHalvesCannotStartTogether() {
            // the assistant's half may not start before 09:00; the lead's starts 08:30: 30 minutes apart
            Staff first = nurse("n1").build();
            Staff second = Staff.builder("n2").startsAt(FAR_BASE).shift(at(8, 0), at(17, 0)).build();
            Visit hoist = visit("hoist", HOME_A).window(at(8, 0), at(10, 0)).build();
            Visit hoistHelp = visit("hoist-2", HOME_A).window(at(9, 0), at(10, 0)).build();
            Visit.together(hoist, hoistHelp);
            route(first, hoist);
            route(second, hoistHelp);
            RoutePlan plan = plan(List.of(first, second), List.of(hoist, hoistHelp));

            check(RoutingConstraints::twoStaffTogether, plan).penalizesBy(min(30));
        }
    }

    @Nested
    class GapBetweenVisits {

        @Test
        void theLaterVisitWaitsForTheMinimumGap() {
            // dose 08:10-08:40; the check may start 60 minutes after the dose started: waits until 09:10
            Staff nurse = nurse("n1").build();
            Visit dose = visit("dose", HOME_A).build();
            Visit check = visit("check", HOME_A).build();
            Visit.startsAfter(check, dose, min(60), min(90));
            route(nurse, dose, check);

            check(RoutingConstraints::gapBetweenVisits, plan(List.of(nurse), List.of(dose, check))).hasNoImpact();
        }

        @Test
        void penalisesTheTimeBeyondTheMaximumGap() {
            // dose starts 08:10; the check's nurse only starts at 10:00 and arrives 10:10: 120 minutes, 30 too many
            Staff first = nurse("n1").build();
            Staff late = Staff.builder("n2").startsAt(BASE).shift(at(10, 0), at(17, 0)).build();
            Visit dose = visit("dose", HOME_A).build();
            Visit check = visit("check", HOME_A).build();
            Visit.startsAfter(check, dose, min(60), min(90));
            route(first, dose);
            route(late, check);

            check(RoutingConstraints::gapBetweenVisits, plan(List.of(first, late), List.of(dose, check)))
                    .penalizesBy(min(30));
        }

        @Test
        void penalisesAnActualStartBeforeTheMinimumGap() {
            // recorded: the check started 08:40, only 30 minutes after the dose (08:10), 30 short of the minimum
            Staff nurse = nurse("n1").build();
            Visit dose = visit("dose", HOME_A).build();
            Visit check = visit("check", HOME_A).build();
            Visit.startsAfter(check, dose, min(60), min(90));
            check.startedAt(at(8, 40));
            route(nurse, dose, check);

            check(RoutingConstraints::gapBetweenVisits, plan(List.of(nurse), List.of(dose, check)))
                    .penalizesBy(min(30));
        }
    }

    @Nested
    class MaxVisits {

        @Test
        void penalisesEachVisitOverTheMaximum() {
            Staff nurse = nurse("n1").maxVisits(2).build();
            Visit one = visit("one", HOME_A).build();
            Visit two = visit("two", HOME_B).build();
            Visit three = visit("three", HOME_A).build();
            route(nurse, one, two, three);

            check(RoutingConstraints::maxVisits, plan(List.of(nurse), List.of(one, two, three))).penalizesBy(1);
        }

        @Test
        void acceptsExactlyTheMaximum() {
            Staff nurse = nurse("n1").maxVisits(2).build();
            Visit one = visit("one", HOME_A).build();
            Visit two = visit("two", HOME_B).build();
            route(nurse, one, two);

            check(RoutingConstraints::maxVisits, plan(List.of(nurse), List.of(one, two))).hasNoImpact();
        }
    }

    @Nested
    class Capacity {

        @Test
        void penalisesDemandOverCapacity() {
            Staff van = nurse("v1").capacity(10).build();
            Visit six = visit("six", HOME_A).demand(6).build();
            Visit five = visit("five", HOME_B).demand(5).build();
            route(van, six, five);

            check(RoutingConstraints::capacity, plan(List.of(van), List.of(six, five))).penalizesBy(1);
        }

        @Test
        void acceptsDemandEqualToCapacity() {
            Staff van = nurse("v1").capacity(10).build();
            Visit six = visit("six", HOME_A).demand(6).build();
            Visit four = visit("four", HOME_B).demand(4).build();
            route(van, six, four);

            check(RoutingConstraints::capacity, plan(List.of(van), List.of(six, four))).hasNoImpact();
        }
    }

    @Nested
    class BreakWindow {

        private final StaffBreak lunch = new StaffBreak(at(12, 0), at(12, 30), min(30));

        @Test
        void takesTheBreakOnTheFirstLegReachingItsWindow() {
            // visit at A from 11:00 (window) for 60 minutes to 12:00; on the way to B the break starts 12:00
            Staff nurse = nurse("n1").staffBreak(lunch).build();
            Visit first = visit("first", HOME_A).window(at(11, 0), at(11, 10)).lasting(min(60)).build();
            Visit second = visit("second", HOME_B).build();
            route(nurse, first, second);
            RoutePlan plan = plan(List.of(nurse), List.of(first, second));

            check(RoutingConstraints::breakWindow, plan).hasNoImpact();
        }

        @Test
        void penalisesABreakStartingAfterItsLatestStart() {
            // the visit runs 11:00-12:40, so the break on the next leg starts 12:40, ten minutes after 12:30
            Staff nurse = nurse("n1").staffBreak(lunch).build();
            Visit first = visit("first", HOME_A).window(at(11, 0), at(11, 10)).lasting(min(100)).build();
            Visit second = visit("second", HOME_B).build();
            route(nurse, first, second);

            check(RoutingConstraints::breakWindow, plan(List.of(nurse), List.of(first, second)))
                    .penalizesBy(min(10));
        }

        @Test
        void penalisesALateBreakOnTheWayHome() {
            // the only visit ends 12:40; the break falls on the way back and starts 12:40
            Staff nurse = nurse("n1").staffBreak(lunch).build();
            Visit only = visit("only", HOME_A).window(at(11, 0), at(11, 10)).lasting(min(100)).build();
            route(nurse, only);

            check(RoutingConstraints::breakWindow, plan(List.of(nurse), List.of(only))).penalizesBy(min(10));
        }
    }

    @Nested
    class ConsistentTimes {

        @Test
        void penalisesTwoStaffVisitsInOppositeOrdersOnTwoRoutes() {
            // n1 does P then Q, n2 does Q then P: each waits for the other, so no start time exists
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

            check(RoutingConstraints::consistentTimes, plan(List.of(first, second), List.of(p1, p2, q1, q2)))
                    .penalizesBy(4);
        }

        @Test
        void acceptsTwoStaffVisitsInTheSameOrderOnBothRoutes() {
            Staff first = nurse("n1").build();
            Staff second = nurse("n2").build();
            Visit p1 = visit("p1", HOME_A).build();
            Visit p2 = visit("p2", HOME_A).build();
            Visit q1 = visit("q1", HOME_B).build();
            Visit q2 = visit("q2", HOME_B).build();
            Visit.together(p1, p2);
            Visit.together(q1, q2);
            route(first, p1, q1);
            route(second, p2, q2);

            check(RoutingConstraints::consistentTimes, plan(List.of(first, second), List.of(p1, p2, q1, q2)))
                    .hasNoImpact();
        }
    }

    @Nested
    class StaffUsed {

        @Test
        void countsStaffWithAtLeastOneVisit() {
            Staff busy = nurse("n1").build();
            Staff idle = nurse("n2").build();
            Visit review = visit("review", HOME_A).build();
            route(busy, review);

            check(RoutingConstraints::staffUsed, plan(List.of(busy, idle), List.of(review))).penalizesBy(1);
        }

        @Test
        void countsNobodyWhenNobodyVisits() {
            check(RoutingConstraints::staffUsed, plan(List.of(nurse("n1").build()), List.of())).hasNoImpact();
        }
    }

    @Nested
    class FullerRoutes {

        @Test
        void rewardsTheSquaredLengthOfEachRoute() {
            // routes of 3 and 1 visits: 9 + 1; the idle nurse adds nothing
            Staff three = nurse("n1").build();
            Staff one = nurse("n2").build();
            Staff idle = nurse("n3").build();
            Visit a = visit("a", HOME_A).build();
            Visit b = visit("b", HOME_B).build();
            Visit c = visit("c", HOME_A).build();
            Visit d = visit("d", HOME_B).build();
            route(three, a, b, c);
            route(one, d);

            check(RoutingConstraints::fullerRoutes, switchedOn(List.of(three, one, idle), List.of(a, b, c, d)))
                    .rewardsWith(10);
        }

        @Test
        void rewardsNothingWhenNobodyVisits() {
            check(RoutingConstraints::fullerRoutes, switchedOn(List.of(nurse("n1").build()), List.of())).hasNoImpact();
        }

        /** The constraint weighs nothing unless a plan gives it a weight, as the planner's first stage does. */
        private RoutePlan switchedOn(List<Staff> staff, List<Visit> visits) {
            return RoutePlan.withExactWeights("fuller routes", RouteFixtures.ONE_UNIT_PER_MINUTE, staff, visits,
                    Map.of(RoutingConstraints.FULLER_ROUTES, HardMediumSoftLongScore.ONE_SOFT));
        }

        @Test
        void isOffUnlessAPlanSwitchesItOn() {
            // the same two-visit route scored with the constraint's own weight and with one soft per unit: 2 x 2 = 4
            long own = twoVisitRoute(Map.of()).softScore();
            long switchedOn = twoVisitRoute(Map.of(RoutingConstraints.FULLER_ROUTES, HardMediumSoftLongScore.ONE_SOFT))
                    .softScore();

            assertThat(switchedOn - own).isEqualTo(4);
        }

        private HardMediumSoftLongScore twoVisitRoute(Map<String, HardMediumSoftLongScore> weights) {
            Staff nurse = nurse("n1").build();
            Visit a = visit("a", HOME_A).build();
            Visit b = visit("b", HOME_B).build();
            route(nurse, a, b);
            return new RoutePlanner().score(RoutePlan.withExactWeights("fuller routes", RouteFixtures.ONE_UNIT_PER_MINUTE,
                    List.of(nurse), List.of(a, b), weights));
        }
    }

    @Nested
    class TravelTime {

        @Test
        void addsEveryLegIncludingTheWayBack() {
            // base -> A 10, A -> B 10, B -> base 20: 40 minutes
            Staff nurse = nurse("n1").build();
            Visit a = visit("a", HOME_A).build();
            Visit b = visit("b", HOME_B).build();
            route(nurse, a, b);

            check(RoutingConstraints::travelTime, plan(List.of(nurse), List.of(a, b))).penalizesBy(min(40));
        }

        @Test
        void costsNothingForStaffWithoutVisits() {
            check(RoutingConstraints::travelTime, plan(List.of(nurse("n1").build()), List.of())).hasNoImpact();
        }
    }

    @Nested
    class Continuity {

        @Test
        void penalisesEachExtraPersonAPatientSees() {
            Staff first = nurse("n1").build();
            Staff second = nurse("n2").build();
            Visit morning = visit("morning", HOME_A).patient("p1").build();
            Visit noon = visit("noon", HOME_A).patient("p1").build();
            Visit evening = visit("evening", HOME_A).patient("p1").build();
            route(first, morning, noon);
            route(second, evening);

            check(RoutingConstraints::continuity, plan(List.of(first, second), List.of(morning, noon, evening)))
                    .penalizesBy(1);
        }

        @Test
        void doesNotCountTheSecondPersonOfATwoStaffVisit() {
            Staff first = nurse("n1").build();
            Staff second = Staff.builder("n2").startsAt(BASE).shift(at(8, 0), at(17, 0)).build();
            Visit hoist = visit("hoist", HOME_A).patient("p1").build();
            Visit hoistHelp = visit("hoist-2", HOME_A).patient("p1").build();
            Visit.together(hoist, hoistHelp);
            route(first, hoist);
            route(second, hoistHelp);

            check(RoutingConstraints::continuity, plan(List.of(first, second), List.of(hoist, hoistHelp)))
                    .hasNoImpact();
        }
    }

    @Nested
    class PlanStability {

        @Test
        void penalisesEachVisitMovedAwayFromTheStaffMemberThePlanGaveItTo() {
            Staff first = nurse("n1").build();
            Staff second = nurse("n2").build();
            Visit kept = visit("kept", HOME_A).build();
            Visit moved = visit("moved", HOME_A).build();
            Visit alsoMoved = visit("also-moved", HOME_A).build();
            kept.previouslyWith("n1");
            moved.previouslyWith("n1");
            alsoMoved.previouslyWith("n2");
            route(first, kept, alsoMoved);
            route(second, moved);

            check(RoutingConstraints::planStability, plan(List.of(first, second), List.of(kept, moved, alsoMoved)))
                    .penalizesBy(2);
        }

        @Test
        void leavesVisitsNewToThePlanAndFirstPlansAlone() {
            Staff first = nurse("n1").build();
            Visit urgent = visit("urgent", HOME_A).urgent().build();
            route(first, urgent);

            check(RoutingConstraints::planStability, plan(List.of(first), List.of(urgent))).hasNoImpact();
        }
    }

    @Nested
    class BalancedWorkload {

        @Test
        void penalisesTheSpreadOfWorkAcrossStaff() {
            // n1: one 30-minute visit (travel does not count); n2: none. Mean 15, deviations 15 and 15:
            // sqrt(15^2 + 15^2) = 21.2132 minutes = 1,272,792.2 ms, which Timefold's load balance reports to six
            // significant figures: 1,272,790
            Staff busy = nurse("n1").build();
            Staff idle = nurse("n2").build();
            Visit review = visit("review", HOME_A).build();
            route(busy, review);

            check(RoutingConstraints::balancedWorkload, plan(List.of(busy, idle), List.of(review)))
                    .penalizesBy(1_272_790L);
        }

        @Test
        void acceptsAnEvenSplit() {
            Staff first = nurse("n1").build();
            Staff second = nurse("n2").build();
            Visit one = visit("one", HOME_A).build();
            Visit two = visit("two", HOME_A).build();
            route(first, one);
            route(second, two);

            check(RoutingConstraints::balancedWorkload, plan(List.of(first, second), List.of(one, two)))
                    .hasNoImpact();
        }
    }

    @Nested
    class UrgentEarliest {

        @Test
        void penalisesAnUrgentVisitByItsDelayAfterTheWindowOpens() {
            // window opens 08:00, the nurse arrives 08:10
            Staff nurse = nurse("n1").build();
            Visit urgent = visit("urgent", HOME_A).window(at(8, 0), at(12, 0)).urgent().build();
            route(nurse, urgent);

            check(RoutingConstraints::urgentEarliest, plan(List.of(nurse), List.of(urgent))).penalizesBy(min(10));
        }

        @Test
        void ignoresVisitsThatAreNotUrgent() {
            Staff nurse = nurse("n1").build();
            Visit routine = visit("routine", HOME_A).window(at(8, 0), at(12, 0)).build();
            route(nurse, routine);

            check(RoutingConstraints::urgentEarliest, plan(List.of(nurse), List.of(routine))).hasNoImpact();
        }
    }

    @Nested
    class Tardiness {

        @Test
        void addsTheLatenessOfEveryVisit() {
            // A: arrives 08:10, due 08:05: 5 late; B: arrives 08:50, due 08:30: 20 late
            Staff nurse = nurse("n1").build();
            Visit a = visit("a", HOME_A).window(at(8, 0), at(8, 5)).build();
            Visit b = visit("b", HOME_B).window(at(8, 0), at(8, 30)).build();
            route(nurse, a, b);

            check(RoutingConstraints::tardiness, plan(List.of(nurse), List.of(a, b))).penalizesBy(min(25));
        }

        @Test
        void costsNothingWhenEveryoneIsOnTime() {
            Staff nurse = nurse("n1").build();
            Visit a = visit("a", HOME_A).window(at(8, 0), at(8, 10)).build();
            route(nurse, a);

            check(RoutingConstraints::tardiness, plan(List.of(nurse), List.of(a))).hasNoImpact();
        }
    }

    @Nested
    class MaxTardiness {

        @Test
        void takesTheLatestVisitOnly() {
            Staff nurse = nurse("n1").build();
            Visit a = visit("a", HOME_A).window(at(8, 0), at(8, 5)).build();
            Visit b = visit("b", HOME_B).window(at(8, 0), at(8, 30)).build();
            route(nurse, a, b);

            check(RoutingConstraints::maxTardiness, plan(List.of(nurse), List.of(a, b))).penalizesBy(min(20));
        }

        @Test
        void costsNothingWhenEveryoneIsOnTime() {
            Staff nurse = nurse("n1").build();
            Visit a = visit("a", HOME_A).window(at(8, 0), at(8, 10)).build();
            route(nurse, a);

            check(RoutingConstraints::maxTardiness, plan(List.of(nurse), List.of(a))).hasNoImpact();
        }
    }
}
