package org.homeward.careplan;

import java.time.LocalDate;

/**
 * Advance care planning: the ReSPECT recommendations, the DNACPR decision with who made it and when, the preferred
 * places of care and of death, and whether the patient is recognised as being in the last weeks of life.
 */
public record AdvanceCarePlan(Respect respect, Dnacpr dnacpr, String preferredPlaceOfCare, String preferredPlaceOfDeath,
        LastWeeksOfLife lastWeeksOfLife) {

    public AdvanceCarePlan {
        respect = respect == null ? Respect.NONE : respect;
        dnacpr = dnacpr == null ? Dnacpr.NONE : dnacpr;
        lastWeeksOfLife = lastWeeksOfLife == null ? LastWeeksOfLife.NONE : lastWeeksOfLife;
    }

    public static final AdvanceCarePlan EMPTY = new AdvanceCarePlan(null, null, null, null, null);

    /**
     * The recommendations of the patient's ReSPECT form (Resuscitation Council UK, version 3): the focus of care, the CPR
     * recommendation, other recommendations in free text, and the clinician who completed the form and when.
     */
    public record Respect(RespectPriority priority, CprRecommendation cprRecommendation, String recommendations,
            String completedBy, LocalDate completedOn) {

        public static final Respect NONE = new Respect(null, null, null, null, null);

        public boolean recorded() {
            return priority != null || cprRecommendation != null || recommendations != null;
        }
    }

    /**
     * A decision about cardiopulmonary resuscitation: {@code inPlace} yes (do not attempt CPR) or no, by a named senior
     * clinician on a day, and whether it was discussed with the patient and with their family.
     */
    public record Dnacpr(Boolean inPlace, String madeBy, LocalDate madeOn, Boolean discussedWithPatient,
            Boolean discussedWithFamily) {

        public static final Dnacpr NONE = new Dnacpr(null, null, null, null, null);

        public boolean recorded() {
            return inPlace != null;
        }
    }

    /** Recognition that the patient is in the last weeks of life, by whom and when. */
    public record LastWeeksOfLife(Boolean recognised, String recognisedBy, LocalDate recognisedOn) {

        public static final LastWeeksOfLife NONE = new LastWeeksOfLife(null, null, null);
    }
}
