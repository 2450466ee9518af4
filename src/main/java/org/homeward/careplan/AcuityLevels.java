package org.homeward.careplan;

import java.util.Comparator;
import java.util.List;

/**
 * The one place the acuity level is worked out from an assessment's score (docs/acuity-tool.md). Levels run 1 (low)
 * to 4 (very high, acute); the bands are data ({@code acuity_band}), so a service can move them.
 */
public final class AcuityLevels {

    /** The lowest level. */
    public static final int LOWEST = 1;
    /** The highest level. */
    public static final int HIGHEST = 4;
    /** The level of a standard patient, the one a bed is sized for in acuity-weighted capacity. */
    public static final int STANDARD_LEVEL = 2;

    private AcuityLevels() {
    }

    /**
     * The level a score gives: the band with the highest {@code minScore} at or below the score, raised to
     * {@code floor} when a row present holds the level at least that high (a clinically unstable patient is never
     * "low" however few other rows are ticked). A clinician may raise the level further by judgement, never lower it;
     * that is recorded beside this scored level, not here.
     *
     * @param score the sum of the weights of the rows present, 0 or more
     * @param floor the highest floor of the rows present, or 0 for none
     * @param bands every level's band; the lowest starts at 0
     */
    public static int scoredLevel(int score, int floor, List<AcuityBand> bands) {
        if (score < 0) {
            throw new IllegalArgumentException("An acuity score is never negative: " + score);
        }
        int banded = bands.stream()
                .filter(b -> b.minScore() <= score)
                .max(Comparator.comparingInt(AcuityBand::minScore))
                .map(AcuityBand::level)
                .orElseThrow(() -> new IllegalStateException("No acuity band starts at or below score " + score));
        return Math.min(HIGHEST, Math.max(banded, floor));
    }
}
