package org.homeward.referral;

import java.util.ArrayList;
import java.util.List;
import org.homeward.scoring.ClinicalFrailtyScale;
import org.homeward.scoring.FourAt;
import org.homeward.shared.InvalidInputException;

/**
 * Clinical Frailty Scale (v2.0, baseline about two weeks before the illness) and 4AT recorded at admission assessment
 * (KLoE 3.2). Both optional; they help stratify risk and must not on their own exclude anyone from admission. A
 * refusal names the field by its path in {@link AdmitPatient} ({@code assessment.fourAt.attention}), so the API and
 * the admission form point at the same item.
 *
 * @param fourAt all four items, or {@code null} when the 4AT was not done
 */
public record AssessmentScores(Integer clinicalFrailtyScale, FourAtAnswers fourAt) {

    /** CFS and 4AT are adult assessments (KLoE 3.2: "in adults"): recorded from this age on the day of admission. */
    public static final int FROM_AGE = org.homeward.patient.PatientSummary.ADULT_FROM_AGE;

    /** The 4AT items as answered. */
    public record FourAtAnswers(FourAt.Alertness alertness, FourAt.Amt4 amt4, FourAt.Attention attention,
            Boolean acuteChangeOrFluctuation) {

        /**
         * All four items or none: a 4AT with an item missing would total lower than the patient scores and could
         * read "delirium unlikely" for a delirious patient, so it is refused, naming every unanswered item.
         */
        FourAt.Result score() {
            List<String> missing = new ArrayList<>();
            if (alertness == null) {
                missing.add("alertness");
            }
            if (amt4 == null) {
                missing.add("amt4");
            }
            if (attention == null) {
                missing.add("attention");
            }
            if (acuteChangeOrFluctuation == null) {
                missing.add("acuteChangeOrFluctuation");
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException("assessment.fourAt." + missing.get(0),
                        "Every 4AT item must be answered, or none if the 4AT was not done; not answered: "
                                + String.join(", ", missing.stream().map(FourAtAnswers::itemName).toList()));
            }
            return FourAt.score(alertness, amt4, attention, acuteChangeOrFluctuation);
        }

        private static String itemName(String field) {
            return switch (field) {
                case "alertness" -> "1 alertness";
                case "amt4" -> "2 AMT4";
                case "attention" -> "3 attention (months backwards)";
                default -> "4 acute change or fluctuating course";
            };
        }
    }

    /** What is stored and shown: the CFS level and name, and the 4AT total and its interpretation. */
    public record Recorded(Integer clinicalFrailtyScale, String clinicalFrailtyScaleName, String clinicalFrailtyScaleVersion,
            Integer fourAtTotal, String fourAtInterpretation) {

        static final Recorded NONE = new Recorded(null, null, null, null, null);
    }

    Recorded record() {
        if (clinicalFrailtyScale != null && (clinicalFrailtyScale < 1 || clinicalFrailtyScale > 9)) {
            throw new InvalidInputException("assessment.clinicalFrailtyScale",
                    "Clinical Frailty Scale level must be 1 to 9, got " + clinicalFrailtyScale);
        }
        ClinicalFrailtyScale cfs = clinicalFrailtyScale == null ? null : ClinicalFrailtyScale.ofLevel(clinicalFrailtyScale);
        FourAt.Result delirium = fourAt == null ? null : fourAt.score();
        return new Recorded(cfs == null ? null : cfs.level(), cfs == null ? null : cfs.label(),
                cfs == null ? null : ClinicalFrailtyScale.VERSION, delirium == null ? null : delirium.total(),
                delirium == null ? null : delirium.interpretation().label());
    }
}
