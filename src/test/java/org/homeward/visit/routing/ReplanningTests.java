package org.homeward.visit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.visit.routing.RouteFixtures.HOME_A;
import static org.homeward.visit.routing.RouteFixtures.HOME_B;
import static org.homeward.visit.routing.RouteFixtures.at;
import static org.homeward.visit.routing.RouteFixtures.min;
import static org.homeward.visit.routing.RouteFixtures.nurse;
import static org.homeward.visit.routing.RouteFixtures.plan;
import static org.homeward.visit.routing.RouteFixtures.route;
import static org.homeward.visit.routing.RouteFixtures.visit;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplanningTests {

    private final RoutePlanner planner = new RoutePlanner();

    /**
     * 11:00 on the small day: everything planned to start before 11:00 has started as planned; an alert brings an
     * urgent IV visit due between 11:00 and 13:00. Step limits keep the test independent of the machine's speed.
     */
    @Test
    void keepsStartedVisitsWhereTheyAreAndInsertsAnUrgentVisit() {
        RoutePlan morning = planner.solve(SmallDay.plan(), SolveLimits.steps(3_000));
        long now = at(11, 0);
        RouteEvaluation asPlanned = RouteEvaluator.evaluate(morning);
        List<StartedVisit> started = new ArrayList<>();
        asPlanned.visitTimes().values().stream().filter(times -> times.startMillis() < now)
                .forEach(times -> started.add(new StartedVisit(times.visitId(), times.staffId(), times.startMillis())));
        Visit urgent = Visit.builder("urgent-p15").patient("p15").at(Location.geographic(30, 50.74, -2.47))
                .lasting(min(30)).requires("IV").window(now, at(13, 0)).urgent().build();

        RoutePlan replanned = planner.solve(Replanning.at(morning, now, started, List.of(urgent)),
                SolveLimits.steps(1_000));

        RouteEvaluation evaluation = RouteEvaluator.evaluate(replanned);
        assertThat(evaluation.violations()).isEmpty();
        assertThat(started).isNotEmpty().allSatisfy(visit -> {
            Visit after = replanned.visit(visit.visitId());
            assertThat(after.fixed()).isTrue();
            assertThat(after.staff().id()).isEqualTo(visit.staffId());
            assertThat(after.startMillis()).isEqualTo(visit.actualStartMillis());
        });
        assertThat(replanned.staff()).allSatisfy(member -> assertThat(member.visits().subList(0,
                member.fixedVisitCount())).allMatch(Visit::fixed));
        assertThat(replanned.visits()).filteredOn(visit -> !visit.fixed())
                .allSatisfy(visit -> assertThat(visit.arrivalMillis()).as(visit.id()).isGreaterThanOrEqualTo(now));
        Visit inserted = replanned.visit("urgent-p15");
        assertThat(inserted.staff().hasSkill("IV")).isTrue();
        assertThat(inserted.startMillis()).isBetween(now, at(13, 0));

        List<PlanChange> changes = PlanChange.between(morning, replanned, min(1));
        assertThat(changes).filteredOn(change -> change.visitId().equals("urgent-p15"))
                .singleElement().satisfies(change -> {
                    assertThat(change.kind()).isEqualTo(PlanChange.Kind.ADDED);
                    assertThat(change.concerns(inserted.staff().id())).isTrue();
                });
        assertThat(changes).extracting(PlanChange::visitId)
                .doesNotContainAnyElementsOf(started.stream().map(StartedVisit::visitId).toList());
    }

    @Test
    void remembersWhoEachVisitWasWithSoTheStabilityRuleCanKeepItThere() {
        RoutePlan morning = planner.solve(SmallDay.plan(), SolveLimits.steps(500));
        Visit urgent = Visit.builder("urgent-p15").patient("p15").at(Location.geographic(30, 50.74, -2.47))
                .lasting(min(30)).requires("IV").window(at(11, 0), at(13, 0)).urgent().build();

        RoutePlan replanning = Replanning.at(morning, at(11, 0), List.of(), List.of(urgent));

        assertThat(morning.visits()).isNotEmpty().allSatisfy(visit -> assertThat(
                replanning.visit(visit.id()).previousStaffId()).as(visit.id())
                .isEqualTo(visit.staff() == null ? null : visit.staff().id()));
        assertThat(replanning.visit("urgent-p15").previousStaffId()).isNull();
    }

    @Test
    void remembersWhoEachVisitWasWithInAPlanSetUpByHandToo() {
        RoutePlan drafted = SmallDay.plan();
        String nurse = drafted.staff().get(0).id();
        String visit = drafted.visits().get(0).id();
        drafted.assignRoute(nurse, List.of(visit));

        RoutePlan replanning = Replanning.at(drafted, at(11, 0), List.of(), List.of());

        assertThat(replanning.visit(visit).previousStaffId()).isEqualTo(nurse);
        assertThat(replanning.visits()).filteredOn(v -> !v.id().equals(visit))
                .allSatisfy(v -> assertThat(v.previousStaffId()).isNull());
    }

    @Test
    void anInsertionPlacesTheUrgentVisitAndMovesNothingElse() {
        RoutePlan morning = planner.solve(SmallDay.plan(), SolveLimits.steps(3_000));
        long now = at(11, 0);
        Visit urgent = Visit.builder("urgent-p15").patient("p15").at(Location.geographic(30, 50.74, -2.47))
                .lasting(min(20)).requires("IV").window(now, at(15, 0)).urgent().build();
        RoutePlan replanning = Replanning.at(morning, now, List.of(), List.of(urgent));

        RoutePlan inserted = planner.insertUnplaced(replanning);

        assertThat(inserted.visit("urgent-p15").staff()).isNotNull();
        for (Staff member : morning.staff()) {
            assertThat(inserted.staffMember(member.id()).visits().stream().map(Visit::id)
                    .filter(id -> !id.equals("urgent-p15")).toList()).as(member.id())
                    .isEqualTo(member.visits().stream().map(Visit::id).toList());
        }
        assertThat(RouteEvaluator.evaluate(inserted).breaksNothingMoreThan(RouteEvaluator.evaluate(replanning)))
                .isTrue();
    }

    @Test
    void anInsertionThatMakesAVisitLateBreaksMoreThanThePlanDid() {
        RoutePlan drafted = SmallDay.plan();
        RouteEvaluation empty = RouteEvaluator.evaluate(drafted);
        Staff nurse = drafted.staff().get(0);
        List<String> everything = drafted.visits().stream().filter(v -> nurse.hasSkills(v.requiredSkills()))
                .map(Visit::id).toList();
        drafted.assignRoute(nurse.id(), everything);

        RouteEvaluation overloaded = RouteEvaluator.evaluate(drafted);

        assertThat(overloaded.violations(RouteEvaluation.Rule.TIME_WINDOW)).isNotEmpty();
        RouteEvaluation.Violation late = overloaded.violations(RouteEvaluation.Rule.TIME_WINDOW).get(0);
        assertThat(overloaded.amount(RouteEvaluation.Rule.TIME_WINDOW, late.subject())).isEqualTo(late.amount());
        assertThat(empty.amount(RouteEvaluation.Rule.TIME_WINDOW, late.subject())).isZero();
        assertThat(overloaded.breaksNothingMoreThan(empty)).isFalse();
        assertThat(empty.breaksNothingMoreThan(overloaded)).isTrue();
        assertThat(overloaded.breaksNothingMoreThan(overloaded)).isTrue();
    }

    @Test
    void aBreakUnderWayIsTakenAndItsStaffMemberIsFreeWhenItEndsButABreakDueJustNowIsPlacedAgain() {
        Staff alone = nurse("n1").staffBreak(new StaffBreak(at(11, 0), at(13, 0), min(30))).build();
        Visit late = visit("late", HOME_A).window(at(11, 0), at(14, 0)).build();
        route(alone, late);
        RoutePlan morning = plan(List.of(alone), List.of(late));
        long breakStart = RouteEvaluator.evaluate(morning).route("n1").breakStartMillis();

        Staff onBreak = Replanning.at(morning, breakStart + min(10), List.of(), List.of()).staffMember("n1");
        Staff dueNow = Replanning.at(morning, breakStart, List.of(), List.of()).staffMember("n1");

        assertThat(onBreak.breakTaken()).isTrue();
        assertThat(onBreak.availableFromMillis()).isEqualTo(breakStart + min(30));
        assertThat(dueNow.breakTaken()).isFalse();
        assertThat(dueNow.availableFromMillis()).isEqualTo(breakStart);
    }

    @Test
    void leavesTheCurrentPlanAsItWas() {
        Staff nurse = nurse("n1").build();
        Visit a = visit("a", HOME_A).build();
        route(nurse, a);
        RoutePlan current = plan(List.of(nurse), List.of(a));

        RoutePlan replanned = Replanning.at(current, at(9, 0), List.of(new StartedVisit("a", "n1", at(8, 10))),
                List.of());

        assertThat(a.fixed()).isFalse();
        assertThat(a.actualStartMillis()).isNull();
        assertThat(replanned.visit("a")).isNotSameAs(a);
        assertThat(replanned.visit("a").actualStartMillis()).isEqualTo(at(8, 10));
        assertThat(replanned.staffMember("n1").fixedVisitCount()).isEqualTo(1);
    }

    @Test
    void tellsEachStaffMemberWhatChangedForThem() {
        Staff first = nurse("n1").build();
        Staff second = nurse("n2").build();
        Visit a = visit("a", HOME_A).build();
        Visit b = visit("b", HOME_B).build();
        route(first, a, b);
        RoutePlan before = plan(List.of(first, second), List.of(a, b));

        Staff firstAfter = nurse("n1").build();
        Staff secondAfter = nurse("n2").build();
        Visit a2 = visit("a", HOME_A).build();
        Visit b2 = visit("b", HOME_B).build();
        Visit c2 = visit("c", HOME_A).build();
        route(firstAfter, c2, a2);
        route(secondAfter, b2);
        RoutePlan after = plan(List.of(firstAfter, secondAfter), List.of(a2, b2, c2));

        List<PlanChange> changes = PlanChange.between(before, after, min(1));

        // a: 08:10 before; after c (08:10-08:40) it starts 08:40 on the same route. b: n1 08:50 -> n2 08:20. c: new.
        assertThat(changes).containsExactlyInAnyOrder(
                new PlanChange("a", "n1", "n1", at(8, 10), at(8, 40)),
                new PlanChange("b", "n1", "n2", at(8, 50), at(8, 20)),
                new PlanChange("c", null, "n1", null, at(8, 10)));
        assertThat(changes).extracting(PlanChange::kind).containsExactlyInAnyOrder(PlanChange.Kind.RETIMED,
                PlanChange.Kind.REASSIGNED, PlanChange.Kind.ADDED);
        assertThat(changes).filteredOn(change -> change.concerns("n2")).extracting(PlanChange::visitId)
                .containsExactly("b");
    }
}
