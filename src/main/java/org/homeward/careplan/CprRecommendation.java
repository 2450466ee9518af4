package org.homeward.careplan;

/**
 * The ReSPECT form's recommendation on cardiopulmonary resuscitation (Resuscitation Council UK, ReSPECT form version 3,
 * 'clinical recommendations for emergency care and treatment': CPR attempts recommended, or not recommended). Only a
 * senior decision-maker records or changes it ({@code RECORD_RESUSCITATION_DECISION}).
 */
public enum CprRecommendation {
    CPR_RECOMMENDED("CPR recommended"),
    CPR_NOT_RECOMMENDED("CPR not recommended");

    private final String label;

    CprRecommendation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
