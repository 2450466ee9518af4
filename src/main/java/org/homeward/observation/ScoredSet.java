package org.homeward.observation;

import java.time.Instant;
import java.util.Map;

/**
 * One point of a patient's chart: the set as it stood at {@code takenAt} and its score.
 *
 * @param band where the score falls for shading: 0 none, 1 low, 2 medium (NEWS2 5-6 / PEWS medium), 3 high or
 *     emergency; a NEWS2 red score counts as 1
 * @param values each parameter's value as recorded
 * @param response what the score calls for, in words: NEWS2 Chart 4's monitoring and clinical response, or the PEWS
 *     card's medical review and communication for the level; empty with no score
 * @param scored whether the set had anything its score uses; without, {@code scoreName} is "No score" and the total
 *     means nothing (never drawn as a point)
 */
public record ScoredSet(Instant takenAt, String scoreName, int total, boolean partial, String level, int band,
        Map<ObservationParameter, String> values, boolean scored, String response) {

    public static final String NO_SCORE = "No score";

    /** "NEWS2 5", "PEWS 3" or "No score". */
    public String scoreText() {
        return scored ? scoreName + " " + total : NO_SCORE;
    }
}
