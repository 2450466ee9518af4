package org.homeward.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Test;

/**
 * What a nurse is told changed in their own day between the plan version they last read and the current one: only a
 * visit new to them, one no longer theirs, or one whose time moved by 10 minutes or more. A visit still theirs at the
 * same time is never a change, even when a re-plan moved it between their two shifts (the "21:30 (was 21:30)" line of
 * issue 11); changes to other people's visits are not theirs to read.
 */
class MyPlanChangesTests {

    static final Instant NINE = Instant.parse("2031-03-10T09:00:00Z");
    static final UUID AMY_EARLY = UUID.randomUUID();
    static final UUID AMY_LATE = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();
    static final Set<UUID> AMY = Set.of(AMY_EARLY, AMY_LATE);
    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final Duration NOTICEABLE = Duration.ofMinutes(10);

    @Test
    void aVisitStillYoursAtTheSameTimeIsNotAChangeEvenOnAnotherOfYourShifts() {
        DayPlan before = plan(1, NINE, planned("same", AMY_EARLY, NINE), planned("other-shift", AMY_EARLY, NINE),
                planned("nine-minutes", AMY_EARLY, NINE));
        DayPlan after = plan(2, NINE, planned("same", AMY_EARLY, NINE), planned("other-shift", AMY_LATE, NINE),
                planned("nine-minutes", AMY_EARLY, NINE.plus(Duration.ofMinutes(9))));

        MyPlanChanges changes = MyPlanChanges.between(before, after, AMY, NOTICEABLE);

        assertThat(changes.changes()).isEmpty();
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void namesAVisitNewToYouOneNoLongerYoursAndOneThatMovedInTime() {
        DayPlan before = plan(1, NINE, planned("retimed", AMY_EARLY, NINE), planned("given-away", AMY_EARLY, NINE),
                planned("dropped", AMY_LATE, NINE), planned("taken-from-ben", BEN, NINE), notPlanned("was-unplanned"),
                planned("bens-own", BEN, NINE));
        DayPlan after = plan(3, NINE, planned("retimed", AMY_EARLY, NINE.plus(Duration.ofMinutes(10))),
                planned("given-away", BEN, NINE), notPlanned("dropped"), planned("taken-from-ben", AMY_LATE, NINE),
                planned("was-unplanned", AMY_EARLY, NINE.plus(Duration.ofHours(1))),
                planned("bens-own", BEN, NINE.plus(Duration.ofHours(2))), planned("urgent/1", AMY_EARLY, NINE));

        MyPlanChanges changes = MyPlanChanges.between(before, after, AMY, NOTICEABLE);

        assertThat(changes.readVersion()).isEqualTo(1);
        assertThat(changes.currentVersion()).isEqualTo(3);
        assertThat(changes.changes()).extracting(MyPlanChange::visitId, MyPlanChange::change, MyPlanChange::nowWith)
                .containsExactlyInAnyOrder(
                        tuple("retimed", MyPlanChange.Kind.RETIMED, null),
                        tuple("given-away", MyPlanChange.Kind.REMOVED, "Ben"),
                        tuple("dropped", MyPlanChange.Kind.REMOVED, null),
                        tuple("taken-from-ben", MyPlanChange.Kind.ADDED, null),
                        tuple("was-unplanned", MyPlanChange.Kind.ADDED, null),
                        tuple("urgent/1", MyPlanChange.Kind.ADDED, null));
        MyPlanChange retimed = changes.changes().stream().filter(c -> c.visitId().equals("retimed")).findFirst()
                .orElseThrow();
        assertThat(retimed.startBefore()).isEqualTo(NINE);
        assertThat(retimed.startAfter()).isEqualTo(NINE.plus(Duration.ofMinutes(10)));
        assertThat(changes.changes()).filteredOn(MyPlanChange::urgent).extracting(MyPlanChange::visitId)
                .containsExactly("urgent/1");
        assertThat(changes.changes()).extracting(MyPlanChange::startAfter, MyPlanChange::startBefore)
                .noneMatch(t -> t.toList().get(0) != null && t.toList().get(0).equals(t.toList().get(1)));
    }

    @Test
    void aVisitWhoseWindowHadClosedBeforeTheReplanIsLeftToTheMissedList() {
        DayPlan before = plan(1, NINE, planned("closed", AMY_EARLY, NINE));
        DayPlan after = plan(2, NINE.plus(Duration.ofHours(3)));

        assertThat(MyPlanChanges.between(before, after, AMY, NOTICEABLE).changes()).isEmpty();
    }

    @Test
    void aVisitMovedAwayAndBackSinceTheVersionReadIsNotMentioned() {
        DayPlan read = plan(1, NINE, planned("back", AMY_EARLY, NINE));
        DayPlan now = plan(3, NINE, planned("back", AMY_EARLY, NINE));

        assertThat(MyPlanChanges.between(read, now, AMY, NOTICEABLE).changes()).isEmpty();
    }

    private static DayPlan plan(int version, Instant madeAt, PlannedVisit... visits) {
        return new DayPlan(UUID.randomUUID(), new OrganisationId(UUID.randomUUID()), LocalDate.of(2031, 3, 10), version,
                "coordinator", madeAt, "planned the day", "straight line", "0hard/0medium/0soft", true, 10,
                List.of(visits));
    }

    private static PlannedVisit planned(String id, UUID shift, Instant start) {
        return new PlannedVisit(id, id, PATIENT, InterventionKind.OBSERVATIONS, null, false, shift,
                shift.equals(BEN) ? "Ben" : "Amy", 1, start, start, start.plus(Duration.ofMinutes(20)),
                NINE.minus(Duration.ofHours(1)), NINE.plus(Duration.ofHours(1)), null);
    }

    private static PlannedVisit notPlanned(String id) {
        return new PlannedVisit(id, id, PATIENT, InterventionKind.OBSERVATIONS, null, false, null, null, null, null,
                null, null, NINE.minus(Duration.ofHours(1)), NINE.plus(Duration.ofHours(1)),
                DayPlanProblem.NO_ONE_FREE);
    }
}
