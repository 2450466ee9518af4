package org.homeward.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.homeward.scoring.ClinicalRisk;
import org.homeward.scoring.PewsAgeChart;
import org.junit.jupiter.api.Test;

/** Sets assembled from readings within 30 minutes, scored with NEWS2 or PEWS by age. */
class ObservationSetTests {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void takesEachParametersLatestReadingWithinThirtyMinutesOfTheNewest() {
        ObservationSet set = ObservationSet.assemble(List.of(
                numeric(ObservationParameter.HEART_RATE, 80, T.minusSeconds(45 * 60)),
                numeric(ObservationParameter.HEART_RATE, 95, T.minusSeconds(30 * 60)),
                numeric(ObservationParameter.HEART_RATE, 101, T.minusSeconds(10 * 60)),
                numeric(ObservationParameter.TEMPERATURE, 38.3, T.minusSeconds(31 * 60)),
                numeric(ObservationParameter.OXYGEN_SATURATION, 95, T))).orElseThrow();
        assertThat(set.takenAt()).isEqualTo(T);
        assertThat(set.number(ObservationParameter.HEART_RATE)).isEqualTo(101);
        assertThat(set.number(ObservationParameter.OXYGEN_SATURATION)).isEqualTo(95);
        assertThat(set.number(ObservationParameter.TEMPERATURE)).as("31 minutes before the newest").isNull();
    }

    @Test
    void aReadingExactlyThirtyMinutesBeforeTheNewestBelongsToTheSet() {
        ObservationSet set = ObservationSet.assemble(List.of(
                numeric(ObservationParameter.RESPIRATORY_RATE, 22, T.minus(ObservationSet.WINDOW)),
                numeric(ObservationParameter.HEART_RATE, 90, T))).orElseThrow();
        assertThat(set.number(ObservationParameter.RESPIRATORY_RATE)).isEqualTo(22);
    }

    @Test
    void noReadingsNoSet() {
        assertThat(ObservationSet.assemble(List.of())).isEmpty();
    }

    @Test
    void adultsFromSixteenAreScoredWithNews2() {
        ObservationSet set = completeAdultSet();
        EarlyWarningScore score = EarlyWarningScore.of(set, LocalDate.of(2010, 11, 23), LocalDate.of(2026, 11, 23));
        assertThat(score.news2()).isNotNull();
        assertThat(score.pews()).isNull();
        assertThat(score.total()).isEqualTo(2 + 1 + 0 + 0 + 1 + 0 + 1);
        assertThat(score.news2().risk()).isEqualTo(ClinicalRisk.MEDIUM);
        assertThat(score.partial()).isFalse();
    }

    @Test
    void childrenUnderSixteenAreScoredWithPewsOnTheirAgeChart() {
        ObservationSet set = ObservationSet.assemble(List.of(
                numeric(ObservationParameter.RESPIRATORY_RATE, 45, T), numeric(ObservationParameter.HEART_RATE, 150, T),
                coded(ObservationParameter.CARER_ANSWER, "WORSE", T))).orElseThrow();
        EarlyWarningScore score = EarlyWarningScore.of(set, LocalDate.of(2010, 11, 24), LocalDate.of(2026, 11, 23));
        assertThat(score.pews()).isNotNull();
        assertThat(score.pews().chart()).isEqualTo(PewsAgeChart.THIRTEEN_YEARS_AND_OVER);
        assertThat(score.pews().total()).isEqualTo(4 + 4);
        assertThat(score.partial()).isTrue();
    }

    private static ObservationSet completeAdultSet() {
        return ObservationSet.assemble(List.of(numeric(ObservationParameter.RESPIRATORY_RATE, 22, T),
                numeric(ObservationParameter.OXYGEN_SATURATION, 95, T.minusSeconds(600)),
                coded(ObservationParameter.ON_OXYGEN, "false", T), numeric(ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, 130, T),
                numeric(ObservationParameter.HEART_RATE, 95, T), coded(ObservationParameter.CONSCIOUSNESS, "ALERT", T),
                numeric(ObservationParameter.TEMPERATURE, 38.4, T.minusSeconds(1200)))).orElseThrow();
    }

    private static Reading numeric(ObservationParameter parameter, double value, Instant at) {
        return new Reading(parameter, value, null, at);
    }

    private static Reading coded(ObservationParameter parameter, String code, Instant at) {
        return new Reading(parameter, null, code, at);
    }
}
