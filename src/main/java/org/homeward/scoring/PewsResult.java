package org.homeward.scoring;

import java.util.Map;
import java.util.Set;

/**
 * A national PEWS score and the escalation it calls for: the higher of the level by total and the level of any
 * trigger criterion ("respond as per the highest level based on change in any one of these criteria").
 */
public record PewsResult(PewsAgeChart chart, int total, Map<PewsParameter, Integer> parameterScores,
        Set<PewsParameter> missing, boolean partial, PewsEscalationLevel level, Set<PewsTrigger> triggers) {
}
