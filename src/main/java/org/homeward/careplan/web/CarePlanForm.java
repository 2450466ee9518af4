package org.homeward.careplan.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.homeward.careplan.AdvanceCarePlan;
import org.homeward.careplan.AgreedWith;
import org.homeward.careplan.CareAndSupportPlan;
import org.homeward.careplan.CprRecommendation;
import org.homeward.careplan.GoalStatus;
import org.homeward.careplan.RespectPriority;
import org.homeward.careplan.SupportPlan;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The fields of every section form of the care and support plan pages, in the order the pages ask them (the error
 * summary's order). A section's form sends only its own fields; {@link CarePlanPageSection} puts them into the plan as
 * it stands, so the other sections are kept.
 *
 * @param version the plan's version when the form was opened: a change made meanwhile by someone else is not overwritten
 */
record CarePlanForm(Integer version, String whatMatters, AgreedWith agreedWith,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate agreedOn, List<GoalRow> goals,
        String communicationNeeds, Boolean interpreterNeeded, String interpreterLanguage, String otherAdjustments,
        String physical, String emotional, String social, String spiritual, Boolean offered, Boolean done,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn, String outcome, RespectPriority priority,
        CprRecommendation cprRecommendation, String recommendations, String completedBy,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn, Boolean inPlace, String madeBy,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate madeOn, Boolean discussedWithPatient,
        Boolean discussedWithFamily, String preferredPlaceOfCare, String preferredPlaceOfDeath, Boolean recognised,
        String recognisedBy, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recognisedOn) {

    /** One goal's row; a row left empty is no goal. */
    record GoalRow(String text, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate targetDate,
            GoalStatus status) {

        boolean empty() {
            return (text == null || text.isBlank()) && targetDate == null && status == null;
        }
    }

    /** Empty rows offered for new goals below the plan's goals. */
    static final int NEW_GOAL_ROWS = 2;

    /** The form filled from the plan as it stands. */
    static CarePlanForm of(CareAndSupportPlan plan) {
        SupportPlan s = plan.supportPlan();
        AdvanceCarePlan a = plan.advanceCarePlan();
        List<GoalRow> goals = new ArrayList<>(s.goals().stream()
                .map(g -> new GoalRow(g.text(), g.targetDate(), g.status())).toList());
        for (int i = 0; i < NEW_GOAL_ROWS; i++) {
            goals.add(new GoalRow(null, null, null));
        }
        return new CarePlanForm(plan.version(), s.whatMatters(), s.agreedWith(), s.agreedOn(), goals,
                s.reasonableAdjustments().communicationNeeds(), s.reasonableAdjustments().interpreterNeeded(),
                s.reasonableAdjustments().interpreterLanguage(), s.reasonableAdjustments().otherAdjustments(),
                s.holisticNeeds().physical(), s.holisticNeeds().emotional(), s.holisticNeeds().social(),
                s.holisticNeeds().spiritual(), s.carersAssessment().offered(), s.carersAssessment().done(),
                s.carersAssessment().doneOn(), s.carersAssessment().outcome(), a.respect().priority(),
                a.respect().cprRecommendation(), a.respect().recommendations(), a.respect().completedBy(),
                a.respect().completedOn(), a.dnacpr().inPlace(), a.dnacpr().madeBy(), a.dnacpr().madeOn(),
                a.dnacpr().discussedWithPatient(), a.dnacpr().discussedWithFamily(), a.preferredPlaceOfCare(),
                a.preferredPlaceOfDeath(), a.lastWeeksOfLife().recognised(), a.lastWeeksOfLife().recognisedBy(),
                a.lastWeeksOfLife().recognisedOn());
    }

    List<GoalRow> goalRows() {
        return goals == null ? List.of() : goals;
    }
}
