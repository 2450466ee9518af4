package org.homeward.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The one level method, row by row over the default bands of V27 (docs/acuity-tool.md): every band edge on both
 * sides, the floors a row sets, and a floor never lowering a scored level.
 */
class AcuityLevelTests {

    /** The default bands, as V27 seeds them. */
    static final List<AcuityBand> DEFAULT = List.of(
            new AcuityBand(1, 0, "Low", 1, 1, "g"),
            new AcuityBand(2, 4, "Moderate", 2, 2, "g"),
            new AcuityBand(3, 9, "High", 3, 3, "g"),
            new AcuityBand(4, 15, "Very high (acute)", 4, 4, "g"));

    @ParameterizedTest(name = "score {0}, floor {1} -> level {2}")
    @CsvSource({
            // no floor: every band edge
            "0, 0, 1",
            "1, 0, 1",
            "3, 0, 1",
            "4, 0, 2",
            "5, 0, 2",
            "8, 0, 2",
            "9, 0, 3",
            "14, 0, 3",
            "15, 0, 4",
            "16, 0, 4",
            "33, 0, 4",
            // a floor raises a low score ("clinically unstable" alone is 4 points, level 2 by score, 3 by floor)
            "4, 3, 3",
            "0, 3, 3",
            "3, 2, 2",
            "0, 4, 4",
            "8, 3, 3",
            // a floor never lowers a higher scored level
            "9, 3, 3",
            "15, 3, 4",
            "14, 2, 3",
            "15, 1, 4",
    })
    void theLevelOfAScoreAndFloor(int score, int floor, int level) {
        assertThat(AcuityLevels.scoredLevel(score, floor, DEFAULT)).isEqualTo(level);
    }

    @Test
    void bandsAreReadByTheirStartsWhateverTheirOrder() {
        List<AcuityBand> shuffled = List.of(DEFAULT.get(2), DEFAULT.get(0), DEFAULT.get(3), DEFAULT.get(1));
        assertThat(AcuityLevels.scoredLevel(8, 0, shuffled)).isEqualTo(2);
        assertThat(AcuityLevels.scoredLevel(9, 0, shuffled)).isEqualTo(3);
    }

    @Test
    void movedBandsMoveTheEdges() {
        List<AcuityBand> moved = List.of(new AcuityBand(1, 0, "Low", 1, 1, "g"), new AcuityBand(2, 2, "Moderate", 2, 2, "g"),
                new AcuityBand(3, 6, "High", 3, 3, "g"), new AcuityBand(4, 10, "Very high", 4, 4, "g"));
        assertThat(List.of(1, 2, 5, 6, 9, 10).stream().map(s -> AcuityLevels.scoredLevel(s, 0, moved)))
                .containsExactly(1, 2, 2, 3, 3, 4);
    }

    @Test
    void aNegativeScoreOrNoBandAtZeroIsAnError() {
        assertThatThrownBy(() -> AcuityLevels.scoredLevel(-1, 0, DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AcuityLevels.scoredLevel(0, 0, DEFAULT.subList(1, 4)))
                .isInstanceOf(IllegalStateException.class);
    }
}
