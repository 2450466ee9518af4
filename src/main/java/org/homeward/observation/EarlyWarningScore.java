package org.homeward.observation;

import java.time.LocalDate;
import java.time.Period;
import org.homeward.scoring.Avpu;
import org.homeward.scoring.CarerAnswer;
import org.homeward.scoring.Consciousness;
import org.homeward.scoring.News2;
import org.homeward.scoring.News2Input;
import org.homeward.scoring.News2Result;
import org.homeward.scoring.OxygenDevice;
import org.homeward.scoring.Pews;
import org.homeward.scoring.PewsInput;
import org.homeward.scoring.PewsResult;
import org.homeward.scoring.RespiratoryDistress;
import org.homeward.scoring.SpO2Scale;

/**
 * Scores an observation set with the score the patient's age calls for: national PEWS under 16, NEWS2 from 16 (NEWS2
 * is validated for adults aged 16 and over; RCP 2017, NICE NG51). Exactly one of the results is present.
 *
 * @param reportedWorse the patient or carer answered "worse" in this set. PEWS scores it as the carer-question
 *                      trigger; NEWS2 has no such parameter, so escalation acts on it for adults (RCP 2017: concern
 *                      about a patient's condition is escalated whatever the score)
 */
public record EarlyWarningScore(News2Result news2, PewsResult pews, boolean reportedWorse) {

    public static final int NEWS2_FROM_AGE = 16;

    public EarlyWarningScore(News2Result news2, PewsResult pews) {
        this(news2, pews, false);
    }

    /** Scores the set on SpO2 Scale 1. */
    public static EarlyWarningScore of(ObservationSet set, LocalDate dateOfBirth, LocalDate observedOn) {
        return of(set, dateOfBirth, observedOn, null);
    }

    /**
     * Scores the set; an adult's oxygen saturation is scored on Scale 2 when {@code scale2} (the documented decision
     * in force when the set was taken) is given, else on Scale 1. Children's PEWS has one SpO2 table.
     */
    public static EarlyWarningScore of(ObservationSet set, LocalDate dateOfBirth, LocalDate observedOn,
            Scale2Decision scale2) {
        int age = Period.between(dateOfBirth, observedOn).getYears();
        boolean worse = CarerAnswer.WORSE.name().equals(set.code(ObservationParameter.CARER_ANSWER));
        return age >= NEWS2_FROM_AGE ? new EarlyWarningScore(News2.score(news2(set, scale2)), null, worse)
                : new EarlyWarningScore(null, Pews.score(pews(set, dateOfBirth, observedOn)), worse);
    }

    /** "NEWS2", "NEWS2 (SpO2 Scale 2)" or "PEWS": what the chart and alerts name. */
    public String scoreName() {
        if (news2 == null) {
            return "PEWS";
        }
        return news2.scale() == SpO2Scale.SCALE_2 ? "NEWS2 (SpO2 Scale 2)" : "NEWS2";
    }

    public int total() {
        return news2 != null ? news2.total() : pews.total();
    }

    public boolean partial() {
        return news2 != null ? news2.partial() : pews.partial();
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
        return new PewsInput(dateOfBirth, observedOn, set.number(ObservationParameter.RESPIRATORY_RATE),
                distress == null ? null : RespiratoryDistress.valueOf(distress),
                set.number(ObservationParameter.OXYGEN_SATURATION), device == null ? null : OxygenDevice.valueOf(device),
                set.number(ObservationParameter.OXYGEN_PERCENT), set.number(ObservationParameter.OXYGEN_LITRES_PER_MINUTE),
                set.number(ObservationParameter.HEART_RATE), set.number(ObservationParameter.SYSTOLIC_BLOOD_PRESSURE),
                null, null, set.number(ObservationParameter.CAPILLARY_REFILL), avpu(consciousness), false, false, false,
                carer == null ? null : CarerAnswer.valueOf(carer), null, null, null);
    }

    /** PEWS uses AVPU; new confusion, which AVPU has no letter for, is taken as a change to V (the safer reading). */
    private static Avpu avpu(String consciousness) {
        if (consciousness == null) {
            return null;
        }
        return "NEW_CONFUSION".equals(consciousness) ? Avpu.VOICE : Avpu.valueOf(consciousness);
    }
}
