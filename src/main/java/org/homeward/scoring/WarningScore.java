package org.homeward.scoring;

/**
 * Which early-warning score a patient is scored with. The one rule every caller uses (observation ingest, the chart,
 * the nurse's and carer's forms, SpO2 Scale 2 and NEWS2 thresholds).
 *
 * <ul>
 *   <li>under 16: national PEWS (the 2023 charts run to the 13+ chart; NEWS2 is not validated under 16);</li>
 *   <li>16 and 17: the ward's pathway decides. On a children's pathway, national PEWS (NHS England: young people
 *       cared for by children's services are observed on the 13+ PEWS chart); on an adult pathway, or on no ward,
 *       NEWS2 (RCP 2017: NEWS2 is for adults aged 16 and over);</li>
 *   <li>18 and over: NEWS2.</li>
 * </ul>
 */
public enum WarningScore {
    NEWS2, PEWS;

    /** From this age NEWS2 may be used (RCP 2017). */
    public static final int NEWS2_FROM_AGE = 16;
    /** From this age NEWS2 is always used, whatever the ward. */
    public static final int ADULT_FROM_AGE = 18;

    /**
     * @param ageYears completed years on the day of the observations
     * @param childrensPathway whether the patient is on a ward with the children's pathway; {@code false} when on none
     */
    public static WarningScore forPatient(int ageYears, boolean childrensPathway) {
        if (ageYears < NEWS2_FROM_AGE) {
            return PEWS;
        }
        if (ageYears >= ADULT_FROM_AGE) {
            return NEWS2;
        }
        return childrensPathway ? PEWS : NEWS2;
    }

    /** Whether the pathway can change the score at this age: only 16 and 17. */
    public static boolean pathwayDecides(int ageYears) {
        return ageYears >= NEWS2_FROM_AGE && ageYears < ADULT_FROM_AGE;
    }
}
