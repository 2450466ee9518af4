package org.homeward.scoring;

import java.util.Map;
import java.util.Set;

/**
 * A NEWS2 score.
 *
 * @param parameterScores the score of each parameter that was present
 * @param missing parameters not supplied; when any is missing the set is {@code partial} and {@code total} is a lower
 *     bound of the true score
 * @param redScore a score of 3 in any single parameter
 */
public record News2Result(int total, Map<News2Parameter, Integer> parameterScores, Set<News2Parameter> missing,
        boolean partial, boolean redScore, ClinicalRisk risk, News2Response response, SpO2Scale scale) {
}
