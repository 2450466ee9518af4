package org.homeward.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which score a patient gets, row by row (age x pathway), and a set with no parameters has no score. */
class WarningScoreTests {

    @ParameterizedTest(name = "age {0}, children''s pathway {1}: {2}")
    @CsvSource({
            "0, true, PEWS", "0, false, PEWS",
            "15, true, PEWS", "15, false, PEWS",
            "16, true, PEWS", "16, false, NEWS2",
            "17, true, PEWS", "17, false, NEWS2",
            "18, true, NEWS2", "18, false, NEWS2",
            "90, false, NEWS2"})
    void theWardsPathwayChoosesForSixteenAndSeventeenOnly(int age, boolean childrensPathway, WarningScore expected) {
        assertThat(WarningScore.forPatient(age, childrensPathway)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "age {0}: pathway decides {1}")
    @CsvSource({"15, false", "16, true", "17, true", "18, false"})
    void thePathwayDecidesOnlyAtSixteenAndSeventeen(int age, boolean decides) {
        assertThat(WarningScore.pathwayDecides(age)).isEqualTo(decides);
    }

    @Test
    void anEmptyNews2SetIsRefusedInsteadOfAnsweredLowRisk() {
        assertThatThrownBy(() -> News2.score(News2Input.scale1(null, null, null, null, null, null, null)))
                .isInstanceOf(InvalidObservationException.class)
                .hasMessageContaining("At least one NEWS2 parameter is needed")
                .extracting(e -> ((InvalidObservationException) e).field()).isEqualTo("parameters");
    }

    @Test
    void anEmptyPewsSetIsRefusedInsteadOfAnsweredNoConcern() {
        PewsInput empty = new PewsInput(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 4), null, null, null, null,
                null, null, null, null, null, null, null, null, false, false, false, null, null, null, null);
        assertThatThrownBy(() -> Pews.score(empty)).isInstanceOf(InvalidObservationException.class)
                .hasMessageContaining("At least one PEWS parameter or trigger is needed");
    }

    @Test
    void oneParameterIsEnoughToScore() {
        assertThat(News2.score(News2Input.scale1(null, null, null, null, null, null, 37.0)).total()).isZero();
        assertThat(News2.score(News2Input.scale1(null, null, null, null, null, null, 37.0)).partial()).isTrue();
    }
}
