package org.homeward.observation;

import java.time.Instant;
import java.util.Map;

/**
 * One point of a patient's chart: the set as it stood at {@code takenAt} and its score.
 *
 * @param band where the score falls for shading: 0 none, 1 low, 2 medium (NEWS2 5-6 / PEWS medium), 3 high or
 *     emergency; a NEWS2 red score counts as 1
 * @param values each parameter's value as recorded
 */
public record ScoredSet(Instant takenAt, String scoreName, int total, boolean partial, String level, int band,
        Map<ObservationParameter, String> values) {
}
