package org.homeward.careplan;

import java.time.Instant;

/**
 * One row of the acuity tool as it stands now: a question in words, the weight it adds to the score when present, and
 * optionally a floor (a level the assessment reaches at least, whatever the score, when the row is present). A retired
 * row ({@code active} false) is no longer asked; past assessments keep it as they asked it.
 *
 * @param floorLevel 1 to 4, or {@code null} for none
 * @param version 1 for the default, one more at each change
 */
public record AcuityToolRow(String code, AcuityGroup group, String question, int weight, Integer floorLevel,
        boolean active, int order, int version, String changedBy, Instant changedAt) {
}
