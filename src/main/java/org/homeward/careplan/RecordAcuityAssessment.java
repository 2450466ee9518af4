package org.homeward.careplan;

import java.util.Map;

/**
 * A daily acuity assessment: an answer for every active row of the tool, by its code (true: present for a row of the
 * tool, met for a criterion to reside). {@code raisedToLevel}, with {@code raisedReason}, raises the level above the
 * scored one by clinical judgement; it cannot lower it.
 */
public record RecordAcuityAssessment(Map<String, Boolean> answers, Integer raisedToLevel, String raisedReason,
        String note) {
}
