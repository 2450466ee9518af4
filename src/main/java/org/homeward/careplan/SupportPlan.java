package org.homeward.careplan;

import java.time.LocalDate;
import java.util.List;

/**
 * The personalised care and support plan (KLoE 3.6-3.8, 4.1-4.3): what matters to the patient, their goals, who it was
 * agreed with and when, reasonable adjustments, holistic needs and the carer's needs assessment. Every part is
 * optional; what is given is checked as a whole when the plan is changed.
 *
 * @param agreedOn the day it was agreed; needed when {@code agreedWith} is given
 */
public record SupportPlan(String whatMatters, List<Goal> goals, AgreedWith agreedWith, LocalDate agreedOn,
        ReasonableAdjustments reasonableAdjustments, HolisticNeeds holisticNeeds, CarersAssessment carersAssessment) {

    public SupportPlan {
        goals = goals == null ? List.of() : List.copyOf(goals);
        reasonableAdjustments = reasonableAdjustments == null ? ReasonableAdjustments.NONE : reasonableAdjustments;
        holisticNeeds = holisticNeeds == null ? HolisticNeeds.NONE : holisticNeeds;
        carersAssessment = carersAssessment == null ? CarersAssessment.NONE : carersAssessment;
    }

    public static final SupportPlan EMPTY = new SupportPlan(null, List.of(), null, null, null, null, null);

    /** A goal the patient and team agreed, with an optional target date. */
    public record Goal(String text, LocalDate targetDate, GoalStatus status) {
    }

    /**
     * Reasonable adjustments (Equality Act 2010; NHS England Reasonable Adjustment Flag): how to communicate with the
     * patient, whether an interpreter is needed and for which language, and any other adjustment.
     */
    public record ReasonableAdjustments(String communicationNeeds, Boolean interpreterNeeded,
            String interpreterLanguage, String otherAdjustments) {

        public static final ReasonableAdjustments NONE = new ReasonableAdjustments(null, null, null, null);
    }

    /** Holistic needs in four plain areas, each free text. */
    public record HolisticNeeds(String physical, String emotional, String social, String spiritual) {

        public static final HolisticNeeds NONE = new HolisticNeeds(null, null, null, null);
    }

    /**
     * The carer's needs assessment (Care Act 2014 s.10): whether one was offered, whether it was done and when, and its
     * outcome. Homeward records the fields only; the assessment itself is the local authority's or the service's own.
     */
    public record CarersAssessment(Boolean offered, Boolean done, LocalDate doneOn, String outcome) {

        public static final CarersAssessment NONE = new CarersAssessment(null, null, null, null);
    }
}
