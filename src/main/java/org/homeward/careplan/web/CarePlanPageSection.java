package org.homeward.careplan.web;

import java.util.ArrayList;
import java.util.List;
import org.homeward.careplan.AdvanceCarePlan;
import org.homeward.careplan.SupportPlan;

/**
 * The sections of the care and support plan pages, each a form of its own reached by a 'Change' link: which part of
 * the plan it changes and how its fields go into the plan as it stands.
 */
enum CarePlanPageSection {
    WHAT_MATTERS("what-matters", "What matters to the patient", true),
    GOALS("goals", "Goals", true),
    REASONABLE_ADJUSTMENTS("reasonable-adjustments", "Reasonable adjustments", true),
    HOLISTIC_NEEDS("holistic-needs", "Holistic needs", true),
    CARERS_ASSESSMENT("carers-assessment", "Carer's needs assessment", true),
    RESPECT("respect", "ReSPECT recommendations", false),
    DNACPR("dnacpr", "DNACPR decision", false),
    PREFERRED_PLACES("preferred-places", "Preferred places of care and of death", false),
    LAST_WEEKS_OF_LIFE("last-weeks-of-life", "Last weeks of life", false);

    private final String path;
    private final String title;
    private final boolean supportPlan;

    CarePlanPageSection(String path, String title, boolean supportPlan) {
        this.path = path;
        this.title = title;
        this.supportPlan = supportPlan;
    }

    public String path() {
        return path;
    }

    public String title() {
        return title;
    }

    public boolean supportPlan() {
        return supportPlan;
    }

    static CarePlanPageSection of(String path) {
        for (CarePlanPageSection section : values()) {
            if (section.path.equals(path)) {
                return section;
            }
        }
        return null;
    }

    /** The care and support plan with this section's fields from the form (the rows kept of {@code goals}). */
    SupportPlan apply(SupportPlan s, CarePlanForm f, List<SupportPlan.Goal> goals) {
        return switch (this) {
            case WHAT_MATTERS -> new SupportPlan(f.whatMatters(), s.goals(), f.agreedWith(), f.agreedOn(),
                    s.reasonableAdjustments(), s.holisticNeeds(), s.carersAssessment());
            case GOALS -> new SupportPlan(s.whatMatters(), goals, s.agreedWith(), s.agreedOn(), s.reasonableAdjustments(),
                    s.holisticNeeds(), s.carersAssessment());
            case REASONABLE_ADJUSTMENTS -> new SupportPlan(s.whatMatters(), s.goals(), s.agreedWith(), s.agreedOn(),
                    new SupportPlan.ReasonableAdjustments(f.communicationNeeds(), f.interpreterNeeded(),
                            f.interpreterLanguage(), f.otherAdjustments()), s.holisticNeeds(), s.carersAssessment());
            case HOLISTIC_NEEDS -> new SupportPlan(s.whatMatters(), s.goals(), s.agreedWith(), s.agreedOn(),
                    s.reasonableAdjustments(), new SupportPlan.HolisticNeeds(f.physical(), f.emotional(), f.social(),
                            f.spiritual()), s.carersAssessment());
            case CARERS_ASSESSMENT -> new SupportPlan(s.whatMatters(), s.goals(), s.agreedWith(), s.agreedOn(),
                    s.reasonableAdjustments(), s.holisticNeeds(), new SupportPlan.CarersAssessment(f.offered(), f.done(),
                            f.doneOn(), f.outcome()));
            default -> s;
        };
    }

    /**
     * The advance care plan with this section's fields from the form. Someone who may not record resuscitation
     * decisions sees the ReSPECT CPR recommendation but does not send it: it stays as it is.
     */
    AdvanceCarePlan apply(AdvanceCarePlan a, CarePlanForm f, boolean mayRecordResuscitation) {
        return switch (this) {
            case RESPECT -> new AdvanceCarePlan(new AdvanceCarePlan.Respect(f.priority(),
                    mayRecordResuscitation ? f.cprRecommendation() : a.respect().cprRecommendation(),
                    f.recommendations(), f.completedBy(), f.completedOn()), a.dnacpr(), a.preferredPlaceOfCare(),
                    a.preferredPlaceOfDeath(), a.lastWeeksOfLife());
            case DNACPR -> new AdvanceCarePlan(a.respect(), new AdvanceCarePlan.Dnacpr(f.inPlace(), f.madeBy(),
                    f.madeOn(), f.discussedWithPatient(), f.discussedWithFamily()), a.preferredPlaceOfCare(),
                    a.preferredPlaceOfDeath(), a.lastWeeksOfLife());
            case PREFERRED_PLACES -> new AdvanceCarePlan(a.respect(), a.dnacpr(), f.preferredPlaceOfCare(),
                    f.preferredPlaceOfDeath(), a.lastWeeksOfLife());
            case LAST_WEEKS_OF_LIFE -> new AdvanceCarePlan(a.respect(), a.dnacpr(), a.preferredPlaceOfCare(),
                    a.preferredPlaceOfDeath(), new AdvanceCarePlan.LastWeeksOfLife(f.recognised(), f.recognisedBy(),
                            f.recognisedOn()));
            default -> a;
        };
    }

    /** The rows of the form that hold a goal, with their place in the form (for naming a field in error). */
    static List<Integer> keptGoalRows(CarePlanForm form) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < form.goalRows().size(); i++) {
            CarePlanForm.GoalRow row = form.goalRows().get(i);
            if (row != null && !row.empty()) {
                kept.add(i);
            }
        }
        return kept;
    }
}
