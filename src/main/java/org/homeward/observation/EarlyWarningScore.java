package org.homeward.observation;

import java.time.LocalDate;
import org.homeward.patient.PatientSummary;
import org.homeward.scoring.Avpu;
import org.homeward.scoring.BloodPressureDerogation;
import org.homeward.scoring.CarerAnswer;
import org.homeward.scoring.Consciousness;
import org.homeward.scoring.News2;
import org.homeward.scoring.News2Input;
import org.homeward.scoring.News2Result;
import org.homeward.scoring.OxygenDevice;
import org.homeward.scoring.Pews;
import org.homeward.scoring.PewsEscalationLevel;
import org.homeward.scoring.PewsInput;
import org.homeward.scoring.PewsResult;
import org.homeward.scoring.RespiratoryDistress;
import org.homeward.scoring.SpO2Scale;
import org.homeward.scoring.WarningScore;

/**
 * Scores an observation set with the score {@link WarningScore#forPatient} chooses for the patient's age and ward
 * pathway: at most one of the results is present. A set with none of the chosen score's parameters has <b>no
 * score</b> (both {@code null}): a total of 0 would read as "low risk" when nothing was measured.
 *
 * @param reportedWorse the patient or carer answered "worse" in this set. PEWS scores it as the carer-question
 *                      trigger; NEWS2 has no such parameter, so escalation acts on it for adults (RCP 2017: concern
 *                      about a patient's condition is escalated whatever the score)
 */
public record EarlyWarningScore(News2Result news2, PewsResult pews, boolean reportedWorse) {

    public EarlyWarningScore(News2Result news2, PewsResult pews) {
        this(news2, pews, false);
    }

    /** Scores the set on SpO2 Scale 1, for a patient on no children's pathway. */
    public static EarlyWarningScore of(ObservationSet set, LocalDate dateOfBirth, LocalDate observedOn) {
        return of(set, dateOfBirth, observedOn, null, false);
    }

    /**
     * Scores the set; an adult's oxygen saturation is scored on Scale 2 when {@code scale2} (the documented decision
     * in force when the set was taken) is given, else on Scale 1. Children's PEWS has one SpO2 table.
     *
     * @param childrensPathway the patient is on a ward with the children's pathway (decides for 16-17s)
     */
    public static EarlyWarningScore of(ObservationSet set, LocalDate dateOfBirth, LocalDate observedOn,
            Scale2Decision scale2, boolean childrensPathway) {
        int age = PatientSummary.ageOn(dateOfBirth, observedOn);
        boolean worse = CarerAnswer.WORSE.name().equals(set.code(ObservationParameter.CARER_ANSWER));
        if (WarningScore.forPatient(age, childrensPathway) == WarningScore.NEWS2) {
            News2Input input = news2(set, scale2);
            return new EarlyWarningScore(News2.hasNoParameter(input) ? null : News2.score(input), null, worse);
        }
        PewsInput input = pews(set, dateOfBirth, observedOn);
        return new EarlyWarningScore(null, Pews.hasNoParameter(input) ? null : Pews.score(input), worse);
    }

    /** Whether the set had anything the chosen score uses; without it there is no total, risk or level. */
    public boolean scored() {
        return news2 != null || pews != null;
    }

    /** "NEWS2", "NEWS2 (SpO2 Scale 2)" or "PEWS": what the chart and alerts name; {@code null} with no score. */
    public String scoreName() {
        if (news2 != null) {
            return news2.scale() == SpO2Scale.SCALE_2 ? "NEWS2 (SpO2 Scale 2)" : "NEWS2";
        }
        return pews != null ? "PEWS" : null;
    }

    /** The total; 0 with no score (check {@link #scored()}). */
    public int total() {
        return news2 != null ? news2.total() : pews != null ? pews.total() : 0;
    }

    public boolean partial() {
        return news2 != null ? news2.partial() : pews == null || pews.partial();
    }

    static News2Input news2(ObservationSet set, Scale2Decision scale2) {
        String onOxygen = set.code(ObservationParameter.ON_OXYGEN);
        String consciousness = set.code(ObservationParameter.CONSCIOUSNESS);
        return new News2Input(set.number(ObservationParameter.RESPIRATORY_RATE),
                set.number(ObservationParameter.OXYGEN_SATURATION), scale2 == null ? SpO2Scale.SCALE_1 : SpO2Scale.SCALE_2,
                onOxygen == null ? null : Boolean.valueOf(onOxygen),
                set.number(ObservationParameter.SYSTOLIC_BLOOD_PRESSURE), set.number(ObservationParameter.HEART_RATE),
                consciousness == null ? null : Consciousness.valueOf(consciousness),
                set.number(ObservationParameter.TEMPERATURE), scale2 == null ? null : scale2.documentedBy(),
                scale2 == null ? null : scale2.documentedAt());
    }

    static PewsInput pews(ObservationSet set, LocalDate dateOfBirth, LocalDate observedOn) {
        String distress = set.code(ObservationParameter.RESPIRATORY_DISTRESS);
        String device = set.code(ObservationParameter.OXYGEN_DEVICE);
        String consciousness = set.code(ObservationParameter.CONSCIOUSNESS);
        String carer = set.code(ObservationParameter.CARER_ANSWER);
        String derogation = set.code(ObservationParameter.BLOOD_PRESSURE_DEROGATION);
        return new PewsInput(dateOfBirth, observedOn, set.number(ObservationParameter.RESPIRATORY_RATE),
                distress == null ? null : RespiratoryDistress.valueOf(distress),
                set.number(ObservationParameter.OXYGEN_SATURATION), device == null ? null : OxygenDevice.valueOf(device),
                set.number(ObservationParameter.OXYGEN_PERCENT), set.number(ObservationParameter.OXYGEN_LITRES_PER_MINUTE),
                set.number(ObservationParameter.HEART_RATE), set.number(ObservationParameter.SYSTOLIC_BLOOD_PRESSURE),
                derogation(derogation), otherDerogationScore(derogation),
                set.number(ObservationParameter.CAPILLARY_REFILL), avpu(consciousness),
                yes(set, ObservationParameter.SUSPECTED_SEPSIS), yes(set, ObservationParameter.SUSPECTED_SEPTIC_SHOCK),
                yes(set, ObservationParameter.ABNORMAL_PUPILS), carer == null ? null : CarerAnswer.valueOf(carer), null,
                level(set, ObservationParameter.CLINICAL_INTUITION), level(set, ObservationParameter.SPECIFIC_CONCERN));
    }

    private static boolean yes(ObservationSet set, ObservationParameter parameter) {
        return "true".equals(set.code(parameter));
    }

    private static PewsEscalationLevel level(ObservationSet set, ObservationParameter parameter) {
        String code = set.code(parameter);
        return code == null ? null : PewsEscalationLevel.valueOf(code);
    }

    /** OTHER_SCORED_0 and OTHER_SCORED_4 are the chart's "Other" with the score the nurse chose. */
    private static BloodPressureDerogation derogation(String code) {
        if (code == null) {
            return null;
        }
        return code.startsWith("OTHER_") ? BloodPressureDerogation.OTHER : BloodPressureDerogation.valueOf(code);
    }

    private static Integer otherDerogationScore(String code) {
        return code != null && code.startsWith("OTHER_SCORED_") ? Integer.valueOf(code.substring(13)) : null;
    }

    /** PEWS uses AVPU; new confusion, which AVPU has no letter for, is taken as a change to V (the safer reading). */
    private static Avpu avpu(String consciousness) {
        if (consciousness == null) {
            return null;
        }
        return "NEW_CONFUSION".equals(consciousness) ? Avpu.VOICE : Avpu.valueOf(consciousness);
    }
}
