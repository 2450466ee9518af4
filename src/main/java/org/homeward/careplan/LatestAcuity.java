package org.homeward.careplan;

import java.time.LocalDate;
import org.homeward.shared.PatientId;

/**
 * What the board round shows of a patient's latest acuity assessment, read without its answers: the level that counts,
 * whether the criteria to reside are met and how many of them.
 */
public record LatestAcuity(PatientId patientId, LocalDate assessedOn, int level, String levelLabel,
        boolean meetsCriteriaToReside, int criteriaMet) {

    /** "Level 3: high", as {@link AcuityAssessment#levelWords()}. */
    public String levelWords() {
        return "Level " + level + ": " + levelLabel.toLowerCase();
    }

    /** Met, with how many criteria; or Not met. */
    public String criteriaWords() {
        return !meetsCriteriaToReside ? "Not met"
                : "Met (" + criteriaMet + (criteriaMet == 1 ? " criterion)" : " criteria)");
    }
}
