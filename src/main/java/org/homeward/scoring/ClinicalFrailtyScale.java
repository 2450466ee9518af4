package org.homeward.scoring;

/**
 * Clinical Frailty Scale version 2.0 (Rockwood K, Theou O. Can Geriatr J 2020;23(3), doi:10.5770/cgj.23.463). It
 * scores the baseline state about two weeks before the acute illness, not the acute state; stored as the level and
 * the scale version. Level descriptors are not reproduced (copyright Rockwood / Dalhousie University).
 */
public enum ClinicalFrailtyScale {
    VERY_FIT(1, "Very Fit"),
    FIT(2, "Fit"),
    MANAGING_WELL(3, "Managing Well"),
    LIVING_WITH_VERY_MILD_FRAILTY(4, "Living with Very Mild Frailty"),
    LIVING_WITH_MILD_FRAILTY(5, "Living with Mild Frailty"),
    LIVING_WITH_MODERATE_FRAILTY(6, "Living with Moderate Frailty"),
    LIVING_WITH_SEVERE_FRAILTY(7, "Living with Severe Frailty"),
    LIVING_WITH_VERY_SEVERE_FRAILTY(8, "Living with Very Severe Frailty"),
    TERMINALLY_ILL(9, "Terminally Ill");

    public static final String VERSION = "2.0";

    private final int level;
    private final String label;

    ClinicalFrailtyScale(int level, String label) {
        this.level = level;
        this.label = label;
    }

    public int level() {
        return level;
    }

    public String label() {
        return label;
    }

    /** Levels 5 to 8 describe living with frailty from mild to very severe; 9 is terminal illness. */
    public boolean livingWithFrailty() {
        return level >= 5 && level <= 8;
    }

    public static ClinicalFrailtyScale ofLevel(int level) {
        if (level < 1 || level > 9) {
            throw new InvalidObservationException("clinicalFrailtyScale", "Clinical Frailty Scale level must be 1 to 9, got " + level);
        }
        return values()[level - 1];
    }
}
