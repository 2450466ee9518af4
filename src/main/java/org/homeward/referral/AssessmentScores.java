package org.homeward.referral;

import org.homeward.scoring.ClinicalFrailtyScale;
import org.homeward.scoring.FourAt;

/**
 * Clinical Frailty Scale (v2.0, baseline about two weeks before the illness) and 4AT recorded at admission assessment
 * (KLoE 3.2). Both optional; they help stratify risk and must not on their own exclude anyone from admission.
 *
 * @param fourAt all four items, or {@code null} when the 4AT was not done
 */
public record AssessmentScores(Integer clinicalFrailtyScale, FourAtAnswers fourAt) {

    /** The 4AT items as answered. */
    public record FourAtAnswers(FourAt.Alertness alertness, FourAt.Amt4 amt4, FourAt.Attention attention,
            Boolean acuteChangeOrFluctuation) {

        FourAt.Result score() {
            if (acuteChangeOrFluctuation == null) {
                throw new org.homeward.shared.InvalidInputException("fourAt.acuteChangeOrFluctuation",
                        "Every 4AT item must be answered, including acute change or fluctuating course");
            }
            return FourAt.score(alertness, amt4, attention, acuteChangeOrFluctuation);
        }
    }

    /** What is stored and shown: the CFS level and name, and the 4AT total and its interpretation. */
    public record Recorded(Integer clinicalFrailtyScale, String clinicalFrailtyScaleName, String clinicalFrailtyScaleVersion,
            Integer fourAtTotal, String fourAtInterpretation) {

        static final Recorded NONE = new Recorded(null, null, null, null, null);
    }

    Recorded record() {
        ClinicalFrailtyScale cfs = clinicalFrailtyScale == null ? null : ClinicalFrailtyScale.ofLevel(clinicalFrailtyScale);
        FourAt.Result delirium = fourAt == null ? null : fourAt.score();
        return new Recorded(cfs == null ? null : cfs.level(), cfs == null ? null : cfs.label(),
                cfs == null ? null : ClinicalFrailtyScale.VERSION, delirium == null ? null : delirium.total(),
                delirium == null ? null : delirium.interpretation().label());
    }
}
