package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Test;

/**
 * What staff are told after a re-plan, compared with the plan as they were given it: a visit moved to another shift,
 * retimed by 10 minutes or more (9 minutes is not worth a message), new, or no longer planned; an unchanged visit is
 * not mentioned.
 */
class DayPlanChangesTests {

    static final Instant NINE = Instant.parse("2031-03-10T09:00:00Z");
    static final UUID AMY = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();
    static final PatientId PATIENT = new PatientId(UUID.randomUUID());

    @Test
    void namesEachVisitThatIsNewMovedRetimedOrDroppedAndNothingElse() {
        DayPlan before = plan(List.of(
                planned("same", AMY, NINE),
                planned("nine-minutes", AMY, NINE),
                planned("ten-minutes", AMY, NINE),
                planned("moved", AMY, NINE),
                planned("dropped", BEN, NINE),
                notPlanned("was-unplanned")));
        List<PlannedVisit> after = List.of(
                planned("same", AMY, NINE),
                planned("nine-minutes", AMY, NINE.plus(Duration.ofMinutes(9))),
                planned("ten-minutes", AMY, NINE.minus(Duration.ofMinutes(10))),
                planned("moved", BEN, NINE),
                notPlanned("dropped"),
                planned("was-unplanned", BEN, NINE),
                planned("urgent/1", BEN, NINE));

        List<DayPlanChange> changes = DayPlanChanges.between(before, after, Duration.ofMinutes(10));

        assertThat(changes).extracting(DayPlanChange::visitId, DayPlanChange::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ten-minutes", DayPlanChange.Kind.RETIMED),
                org.assertj.core.groups.Tuple.tuple("moved", DayPlanChange.Kind.REASSIGNED),
                org.assertj.core.groups.Tuple.tuple("dropped", DayPlanChange.Kind.UNPLACED),
                org.assertj.core.groups.Tuple.tuple("was-unplanned", DayPlanChange.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("urgent/1", DayPlanChange.Kind.ADDED));
        DayPlanChange moved = changes.get(1);
        assertThat(moved.concerns(AMY)).isTrue();
        assertThat(moved.concerns(BEN)).isTrue();
        assertThat(moved.staffBefore()).isEqualTo("Amy");
        assertThat(moved.staffAfter()).isEqualTo("Ben");
        DayPlanChange dropped = changes.get(2);
        assertThat(dropped.concerns(BEN)).isTrue();
        assertThat(dropped.startAfter()).isNull();
        assertThat(changes.get(0).startBefore()).isEqualTo(NINE);
    }

    private static DayPlan plan(List<PlannedVisit> visits) {
        return new DayPlan(UUID.randomUUID(), new OrganisationId(UUID.randomUUID()), LocalDate.of(2031, 3, 10), 1,
                "coordinator", NINE, "planned the day", "straight line", "0hard/0medium/0soft", true, 10, visits);
    }

    private static PlannedVisit planned(String id, UUID shift, Instant start) {
        return new PlannedVisit(id, id, PATIENT, InterventionKind.OBSERVATIONS, null, false, shift,
                shift.equals(AMY) ? "Amy" : "Ben", 1, start, start, start.plus(Duration.ofMinutes(20)),
                NINE.minus(Duration.ofHours(1)), NINE.plus(Duration.ofHours(1)), null);
    }

    private static PlannedVisit notPlanned(String id) {
        return new PlannedVisit(id, id, PATIENT, InterventionKind.OBSERVATIONS, null, false, null, null, null, null,
                null, null, NINE.minus(Duration.ofHours(1)), NINE.plus(Duration.ofHours(1)),
                DayPlanProblem.NO_ONE_FREE);
    }
}
