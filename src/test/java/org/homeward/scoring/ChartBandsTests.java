package org.homeward.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bands the observation chart shades, row by row against the published tables: RCP NEWS2 2017 Chart 1 and the
 * NHS England national PEWS charts (Sept 2023), every band edge. A chart band that disagrees with the table would
 * colour a value as safer (or worse) than it scores.
 */
class ChartBandsTests {

    private static final double OPEN_LOW = Double.NEGATIVE_INFINITY;

    /**
     * "low-high:score" for each band, as the tables print them; an open end is written as "" ("-8:3" is 8 or less,
     * "25-:3" is 25 or more) and a band that ends just below a whole number as "&lt;10" (the PEWS charts' "under 10").
     */
    private static List<String> written(List<Band> bands) {
        return bands.stream().map(b -> below(b) ? "<" + bound(Math.nextUp(b.high())) + ":" + b.score()
                : bound(b.low()) + "-" + bound(b.high()) + ":" + b.score()).toList();
    }

    private static boolean below(Band band) {
        return (band.low() == null || band.low().isInfinite()) && band.high() != null
                && Math.nextUp(band.high()) == Math.rint(Math.nextUp(band.high())) && band.high() != Math.rint(band.high());
    }

    private static String bound(Double value) {
        if (value == null || value.isInfinite()) {
            return "";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

    @Test
    void news2RespirationRateBandsAreChart1s() {
        assertThat(written(News2.chartBands(News2Parameter.RESPIRATION_RATE, SpO2Scale.SCALE_1)))
                .containsExactly("-8:3", "9-11:1", "12-20:0", "21-24:2", "25-:3");
    }

    @Test
    void news2SpO2Scale1BandsAreChart1s() {
        assertThat(written(News2.chartBands(News2Parameter.OXYGEN_SATURATION, SpO2Scale.SCALE_1)))
                .containsExactly("-91:3", "92-93:2", "94-95:1", "96-:0");
    }

    @Test
    void news2SpO2Scale2BandsAreChart1sWithTheOnOxygenBandsAbove92() {
        assertThat(written(News2.chartBands(News2Parameter.OXYGEN_SATURATION, SpO2Scale.SCALE_2)))
                .containsExactly("-83:3", "84-85:2", "86-87:1", "88-92:0", "93-94:1", "95-96:2", "97-:3");
    }

    @Test
    void news2AirScores0AndOxygen2() {
        assertThat(written(News2.chartBands(News2Parameter.AIR_OR_OXYGEN, SpO2Scale.SCALE_1)))
                .containsExactly("0-0:0", "1-1:2");
    }

    @Test
    void news2SystolicBandsAreChart1s() {
        assertThat(written(News2.chartBands(News2Parameter.SYSTOLIC_BLOOD_PRESSURE, SpO2Scale.SCALE_1)))
                .containsExactly("-90:3", "91-100:2", "101-110:1", "111-219:0", "220-:3");
    }

    @Test
    void news2PulseBandsAreChart1s() {
        assertThat(written(News2.chartBands(News2Parameter.PULSE, SpO2Scale.SCALE_1)))
                .containsExactly("-40:3", "41-50:1", "51-90:0", "91-110:1", "111-130:2", "131-:3");
    }

    @Test
    void news2ConsciousnessAlertScores0AndEveryCvpuLevel3() {
        assertThat(written(News2.chartBands(News2Parameter.CONSCIOUSNESS, SpO2Scale.SCALE_1)))
                .containsExactly("0-0:0", "1-1:3", "2-2:3", "3-3:3", "4-4:3");
        assertThat(Consciousness.values()).containsExactly(Consciousness.ALERT, Consciousness.NEW_CONFUSION,
                Consciousness.VOICE, Consciousness.PAIN, Consciousness.UNRESPONSIVE);
    }

    @Test
    void news2TemperatureBandsAreChart1s() {
        assertThat(written(News2.chartBands(News2Parameter.TEMPERATURE, SpO2Scale.SCALE_1)))
                .containsExactly("-35:3", "35.1-36:1", "36.1-38:0", "38.1-39:1", "39.1-:2");
    }

    @Test
    void everyNews2BandScoresWhatItsEdgesScore() {
        for (News2Parameter parameter : List.of(News2Parameter.RESPIRATION_RATE, News2Parameter.SYSTOLIC_BLOOD_PRESSURE,
                News2Parameter.PULSE, News2Parameter.TEMPERATURE)) {
            for (Band band : News2.chartBands(parameter, SpO2Scale.SCALE_1)) {
                for (Double edge : new Double[] {band.low(), band.high()}) {
                    if (edge != null && !edge.isInfinite()) {
                        assertThat(scoreOf(parameter, edge)).as(parameter + " at " + edge).isEqualTo(band.score());
                    }
                }
            }
        }
    }

    private static int scoreOf(News2Parameter parameter, double value) {
        News2Input input = switch (parameter) {
            case RESPIRATION_RATE -> News2Input.scale1(value, null, null, null, null, null, null);
            case SYSTOLIC_BLOOD_PRESSURE -> News2Input.scale1(null, null, null, value, null, null, null);
            case PULSE -> News2Input.scale1(null, null, null, null, value, null, null);
            default -> News2Input.scale1(null, null, null, null, null, null, value);
        };
        return News2.score(input).parameterScores().get(parameter);
    }

    @Test
    void pewsRespiratoryRateBandsAreEachAgeChartsTable() {
        assertThat(written(Pews.chartBands(PewsParameter.RESPIRATORY_RATE, PewsAgeChart.ZERO_TO_ELEVEN_MONTHS)))
                .containsExactly("<10:4", "10-19.99:2", "20-29.99:1", "30-49.99:0", "50-59.99:1", "60-69.99:2", "70-:4");
        assertThat(written(Pews.chartBands(PewsParameter.RESPIRATORY_RATE, PewsAgeChart.ONE_TO_FOUR_YEARS)))
                .containsExactly("<10:4", "10-19.99:2", "20-39.99:0", "40-49.99:1", "50-59.99:2", "60-:4");
        assertThat(written(Pews.chartBands(PewsParameter.RESPIRATORY_RATE, PewsAgeChart.FIVE_TO_TWELVE_YEARS)))
                .containsExactly("<10:4", "10-14.99:2", "15-19.99:1", "20-24.99:0", "25-39.99:1", "40-49.99:2", "50-:4");
        assertThat(written(Pews.chartBands(PewsParameter.RESPIRATORY_RATE, PewsAgeChart.THIRTEEN_YEARS_AND_OVER)))
                .containsExactly("<10:4", "10-14.99:1", "15-24.99:0", "25-29.99:1", "30-39.99:2", "40-:4");
    }

    @Test
    void pewsHeartRateBandsAreEachAgeChartsTable() {
        assertThat(written(Pews.chartBands(PewsParameter.HEART_RATE, PewsAgeChart.ZERO_TO_ELEVEN_MONTHS)))
                .containsExactly("<80:4", "80-89.99:2", "90-109.99:1", "110-149.99:0", "150-169.99:1", "170-179.99:2", "180-:4");
        assertThat(written(Pews.chartBands(PewsParameter.HEART_RATE, PewsAgeChart.ONE_TO_FOUR_YEARS)))
                .containsExactly("<60:4", "60-69.99:2", "70-89.99:1", "90-139.99:0", "140-149.99:1", "150-169.99:2", "170-:4");
        assertThat(written(Pews.chartBands(PewsParameter.HEART_RATE, PewsAgeChart.FIVE_TO_TWELVE_YEARS)))
                .containsExactly("<60:4", "60-69.99:2", "70-79.99:1", "80-119.99:0", "120-139.99:1", "140-159.99:2", "160-:4");
        assertThat(written(Pews.chartBands(PewsParameter.HEART_RATE, PewsAgeChart.THIRTEEN_YEARS_AND_OVER)))
                .containsExactly("<50:4", "50-59.99:2", "60-69.99:1", "70-99.99:0", "100-119.99:1", "120-129.99:2", "130-:4");
    }

    @Test
    void pewsSystolicBandsAreEachAgeChartsTable() {
        assertThat(written(Pews.chartBands(PewsParameter.SYSTOLIC_BLOOD_PRESSURE, PewsAgeChart.ZERO_TO_ELEVEN_MONTHS)))
                .containsExactly("<50:4", "50-59.99:2", "60-69.99:1", "70-89.99:0", "90-99.99:1", "100-109.99:2", "110-:4");
        assertThat(written(Pews.chartBands(PewsParameter.SYSTOLIC_BLOOD_PRESSURE, PewsAgeChart.ONE_TO_FOUR_YEARS)))
                .containsExactly("<50:4", "50-59.99:2", "60-79.99:1", "80-99.99:0", "100-119.99:1", "120-129.99:2", "130-:4");
        assertThat(written(Pews.chartBands(PewsParameter.SYSTOLIC_BLOOD_PRESSURE, PewsAgeChart.FIVE_TO_TWELVE_YEARS)))
                .containsExactly("<70:4", "70-79.99:2", "80-89.99:1", "90-109.99:0", "110-119.99:1", "120-129.99:2", "130-:4");
        assertThat(written(Pews.chartBands(PewsParameter.SYSTOLIC_BLOOD_PRESSURE, PewsAgeChart.THIRTEEN_YEARS_AND_OVER)))
                .containsExactly("<80:4", "80-89.99:2", "90-99.99:1", "100-119.99:0", "120-129.99:1", "130-139.99:2", "140-:4");
    }

    @Test
    void pewsSaturationRefillDistressAndOxygenBandsAreTheChartsForEveryAge() {
        for (PewsAgeChart chart : PewsAgeChart.values()) {
            assertThat(written(Pews.chartBands(PewsParameter.OXYGEN_SATURATION, chart)))
                    .containsExactly("-91:4", "91.01-94.99:1", "95-:0");
            assertThat(written(Pews.chartBands(PewsParameter.CAPILLARY_REFILL, chart))).containsExactly("-2:0", "3-:2");
            assertThat(written(Pews.chartBands(PewsParameter.RESPIRATORY_DISTRESS, chart)))
                    .containsExactly("0-0:0", "1-1:1", "2-2:2", "3-3:4");
            assertThat(written(Pews.chartBands(PewsParameter.OXYGEN_SUPPORT, chart)))
                    .containsExactly("0-0:0", "0.01-1.99:1", "2-5.99:2", "6-:4");
        }
        assertThat(written(Pews.oxygenPercentChartBands())).containsExactly("0-0:0", "0.01-29.99:1", "30-49.99:2", "50-:4");
    }
}
