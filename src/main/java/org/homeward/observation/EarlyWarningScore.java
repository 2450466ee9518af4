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

/**
 * Scores an observation set with the score the patient's age calls for: national PEWS under 16, NEWS2 from 16 (NEWS2
 * is validated for adults aged 16 and over; RCP 2017, NICE NG51). Exactly one of the results is present.
 */
public record EarlyWarningScore(News2Result news2, PewsResult pews) {

    public static final int NEWS2_FROM_AGE = 16;

    public static EarlyWarningScore of(ObservationSet set, LocalDate dateOfBirth, LocalDate observedOn) {
        int age = Period.between(dateOfBirth, observedOn).getYears();
        return age >= NEWS2_FROM_AGE ? new EarlyWarningScore(News2.score(news2(set)), null)
                : new EarlyWarningScore(null, Pews.score(pews(set, dateOfBirth, observedOn)));
    }

    public int total() {
        return news2 != null ? news2.total() : pews.total();
    }

    public boolean partial() {
        return news2 != null ? news2.partial() : pews.partial();
    }

    static News2Input news2(ObservationSet set) {
        String onOxygen = set.code(ObservationParameter.ON_OXYGEN);
        String consciousness = set.code(ObservationParameter.CONSCIOUSNESS);
        return News2Input.scale1(set.number(ObservationParameter.RESPIRATORY_RATE),
                set.number(ObservationParameter.OXYGEN_SATURATION), onOxygen == null ? null : Boolean.valueOf(onOxygen),
                set.number(ObservationParameter.SYSTOLIC_BLOOD_PRESSURE), set.number(ObservationParameter.HEART_RATE),
                consciousness == null ? null : Consciousness.valueOf(consciousness),
                set.number(ObservationParameter.TEMPERATURE));
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
