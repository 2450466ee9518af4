package org.homeward.careplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * A patient's acuity assessment on a day: the score from the rows present, the level it gives, the level that counts
 * (raised by clinical judgement with a reason, never lowered), the visits a day it suggests, and whether the patient
 * meets the criteria to reside (any criterion met). Several on one day are all kept; the latest counts.
 *
 * @param scoredLevel the level from the score and floors ({@link AcuityLevels#scoredLevel})
 * @param level the level that counts: {@code scoredLevel}, or higher with {@code raisedReason}
 */
public record AcuityAssessment(UUID id, PatientId patientId, LocalDate assessedOn, Instant assessedAt,
        String assessedBy, String assessedByName, int score, int scoredLevel, int level, String levelLabel,
        String raisedReason, int visitsPerDay, int capacityWeight, boolean meetsCriteriaToReside, String note,
        List<AcuityAnswer> answers) {

    public AcuityAssessment {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** "Level 3: high". */
    public String levelWords() {
        return "Level " + level + ": " + levelLabel.toLowerCase();
    }

    /** The rows of the tool present (scored groups), in the order asked. */
    public List<AcuityAnswer> rowsPresent() {
        return answers.stream().filter(a -> a.group().scored() && a.answer()).toList();
    }

    /** The criteria to reside met, in the order asked. */
    public List<AcuityAnswer> criteriaMet() {
        return answers.stream().filter(a -> a.group() == AcuityGroup.CRITERIA_TO_RESIDE && a.answer()).toList();
    }

    public boolean raised() {
        return level > scoredLevel;
    }
}
