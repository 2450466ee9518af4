package org.homeward.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.homeward.scoring.FourAt.Alertness;
import org.homeward.scoring.FourAt.Amt4;
import org.homeward.scoring.FourAt.Attention;
import org.homeward.scoring.FourAt.Interpretation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CFS v2.0 level names (Rockwood and Theou 2020) and the 4AT items and interpretation (the4at.com). */
class FrailtyAndDeliriumTests {

    @ParameterizedTest(name = "CFS {0}: {1}")
    @CsvSource({"1,Very Fit", "2,Fit", "3,Managing Well", "4,Living with Very Mild Frailty",
            "5,Living with Mild Frailty", "6,Living with Moderate Frailty", "7,Living with Severe Frailty",
            "8,Living with Very Severe Frailty", "9,Terminally Ill"})
    void frailtyLevelsCarryVersionTwoNames(int level, String name) {
        assertThat(ClinicalFrailtyScale.ofLevel(level).label()).isEqualTo(name);
        assertThat(ClinicalFrailtyScale.ofLevel(level).livingWithFrailty()).isEqualTo(level >= 5 && level <= 8);
    }

    @Test
    void refusesAFrailtyLevelOutsideOneToNine() {
        assertThatThrownBy(() -> ClinicalFrailtyScale.ofLevel(0)).isInstanceOf(InvalidObservationException.class);
        assertThatThrownBy(() -> ClinicalFrailtyScale.ofLevel(10)).isInstanceOf(InvalidObservationException.class);
    }

    @ParameterizedTest(name = "{0}, {1}, {2}, acute change {3}: {4} ({5})")
    @CsvSource({
            "NORMAL, NO_MISTAKES, SEVEN_OR_MORE_CORRECT, false, 0, DELIRIUM_UNLIKELY",
            "MILD_SLEEPINESS_UNDER_10_SECONDS, NO_MISTAKES, SEVEN_OR_MORE_CORRECT, false, 0, DELIRIUM_UNLIKELY",
            "NORMAL, ONE_MISTAKE, SEVEN_OR_MORE_CORRECT, false, 1, POSSIBLE_COGNITIVE_IMPAIRMENT",
            "NORMAL, TWO_OR_MORE_MISTAKES_OR_UNTESTABLE, SEVEN_OR_MORE_CORRECT, false, 2, POSSIBLE_COGNITIVE_IMPAIRMENT",
            "NORMAL, NO_MISTAKES, FEWER_THAN_SEVEN_OR_REFUSES, false, 1, POSSIBLE_COGNITIVE_IMPAIRMENT",
            "NORMAL, ONE_MISTAKE, UNTESTABLE, false, 3, POSSIBLE_COGNITIVE_IMPAIRMENT",
            "NORMAL, TWO_OR_MORE_MISTAKES_OR_UNTESTABLE, UNTESTABLE, false, 4, POSSIBLE_DELIRIUM",
            "CLEARLY_ABNORMAL, NO_MISTAKES, SEVEN_OR_MORE_CORRECT, false, 4, POSSIBLE_DELIRIUM",
            "NORMAL, NO_MISTAKES, SEVEN_OR_MORE_CORRECT, true, 4, POSSIBLE_DELIRIUM",
            "CLEARLY_ABNORMAL, TWO_OR_MORE_MISTAKES_OR_UNTESTABLE, UNTESTABLE, true, 12, POSSIBLE_DELIRIUM"})
    void fourAtItemsAndInterpretation(Alertness alertness, Amt4 amt4, Attention attention, boolean acute, int total,
            Interpretation interpretation) {
        FourAt.Result result = FourAt.score(alertness, amt4, attention, acute);
        assertThat(result.total()).isEqualTo(total);
        assertThat(result.interpretation()).isEqualTo(interpretation);
    }

    @ParameterizedTest(name = "{0}.{1} scores {2}")
    @CsvSource({"Alertness, NORMAL, 0", "Alertness, MILD_SLEEPINESS_UNDER_10_SECONDS, 0", "Alertness, CLEARLY_ABNORMAL, 4",
            "Amt4, NO_MISTAKES, 0", "Amt4, ONE_MISTAKE, 1", "Amt4, TWO_OR_MORE_MISTAKES_OR_UNTESTABLE, 2",
            "Attention, SEVEN_OR_MORE_CORRECT, 0", "Attention, FEWER_THAN_SEVEN_OR_REFUSES, 1", "Attention, UNTESTABLE, 2"})
    void eachFourAtAnswerCarriesThePublishedPointsAndAWordingForTheForm(String item, String answer, int points) {
        var option = switch (item) {
            case "Alertness" -> new Object[] {Alertness.valueOf(answer).points(), Alertness.valueOf(answer).label()};
            case "Amt4" -> new Object[] {Amt4.valueOf(answer).points(), Amt4.valueOf(answer).label()};
            default -> new Object[] {Attention.valueOf(answer).points(), Attention.valueOf(answer).label()};
        };
        assertThat(option[0]).isEqualTo(points);
        assertThat((String) option[1]).isNotBlank();
    }

    @Test
    void refusesAnUnansweredFourAtItem() {
        assertThatThrownBy(() -> FourAt.score(Alertness.NORMAL, null, Attention.UNTESTABLE, false))
                .isInstanceOfSatisfying(InvalidObservationException.class, e -> assertThat(e.field()).isEqualTo("amt4"));
    }
}
