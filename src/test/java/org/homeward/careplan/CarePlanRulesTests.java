package org.homeward.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.homeward.careplan.AdvanceCarePlan.Dnacpr;
import org.homeward.careplan.AdvanceCarePlan.LastWeeksOfLife;
import org.homeward.careplan.AdvanceCarePlan.Respect;
import org.homeward.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The care and support plan's rules: the words the banner and alerts show, what a plan must hold, its history. */
class CarePlanRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void theStatusSaysWhoDecidedWhatAndWhen() {
        AdvanceCarePlan plan = new AdvanceCarePlan(new Respect(RespectPriority.PRIORITISE_COMFORT,
                CprRecommendation.CPR_NOT_RECOMMENDED, null, "Dr X", TODAY.minusDays(1)),
                new Dnacpr(true, "Dr X", TODAY, true, false), null, null,
                new LastWeeksOfLife(true, "Dr Y", TODAY));
        ResuscitationStatus status = CarePlanRules.status(CarePlanRules.checked(plan, TODAY));
        assertThat(status.words()).isEqualTo("DNACPR (Dr X, 3 December 2026); ReSPECT: prioritise comfort, "
                + "CPR not recommended (Dr X, 2 December 2026)");
        assertThat(status.dnacpr()).isTrue();
        assertThat(status.lastWeeksOfLifeWords()).isEqualTo("Recognised as in the last weeks of life (Dr Y, 3 December 2026)");
        assertThat(status.recordedOn()).isEqualTo(TODAY);
        assertThat(CarePlanRules.status(AdvanceCarePlan.EMPTY)).isNull();
        assertThat(CarePlanRules.status(new AdvanceCarePlan(null, new Dnacpr(false, "Dr X", TODAY, null, null), null,
                null, null)).words()).isEqualTo("No DNACPR decision (Dr X, 3 December 2026)");
    }

    @Test
    void aDnacprDecisionNeedsWhoAndWhenAndMustAgreeWithTheCprRecommendation() {
        assertField(new AdvanceCarePlan(null, new Dnacpr(true, " ", TODAY, null, null), null, null, null),
                "advanceCarePlan.dnacpr.madeBy");
        assertField(new AdvanceCarePlan(null, new Dnacpr(true, "Dr X", null, null, null), null, null, null),
                "advanceCarePlan.dnacpr.madeOn");
        assertField(new AdvanceCarePlan(null, new Dnacpr(true, "Dr X", TODAY.plusDays(1), null, null), null, null,
                null), "advanceCarePlan.dnacpr.madeOn");
        assertField(new AdvanceCarePlan(null, new Dnacpr(null, "Dr X", null, null, null), null, null, null),
                "advanceCarePlan.dnacpr.inPlace");
        assertField(new AdvanceCarePlan(new Respect(null, CprRecommendation.CPR_NOT_RECOMMENDED, null, "Dr X", TODAY),
                new Dnacpr(false, "Dr X", TODAY, null, null), null, null, null), "advanceCarePlan.respect.cprRecommendation");
        assertField(new AdvanceCarePlan(new Respect(RespectPriority.BALANCE, null, null, null, TODAY), null, null, null,
                null), "advanceCarePlan.respect.completedBy");
    }

    @Test
    void theHistoryListsEachFieldThatChangedInWords() {
        SupportPlan before = CarePlanRules.checked(new SupportPlan("Home", List.of(new SupportPlan.Goal("Walk", null,
                null)), null, null, null, null, null), TODAY);
        SupportPlan after = CarePlanRules.checked(new SupportPlan("Home", List.of(new SupportPlan.Goal("Walk", TODAY,
                GoalStatus.ACHIEVED)), AgreedWith.PATIENT, TODAY, null, null, null), TODAY);
        assertThat(CarePlanRules.changes(CarePlanRules.words(before), CarePlanRules.words(after)))
                .containsExactly(new CarePlanVersion.Change("Goal 1", "Walk (not started)", "Walk (achieved, by 3 December 2026)"),
                        new CarePlanVersion.Change("Agreed with", "Not recorded", "The patient"),
                        new CarePlanVersion.Change("Agreed on", "Not recorded", "3 December 2026"));
    }

    private static void assertField(AdvanceCarePlan plan, String field) {
        assertThatThrownBy(() -> CarePlanRules.checked(plan, TODAY)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }
}
