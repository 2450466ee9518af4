package org.homeward.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NEWS2 against RCP 2017 Chart 1 (every band edge of every parameter), Chart 2 (risk) and Chart 4 (response). Each
 * row starts from a set scoring 0 everywhere and changes one parameter.
 */
class News2Tests {

    // A set that scores 0 in every parameter: RR 16, SpO2 97 on air, SBP 120, pulse 70, alert, 37.0 C
    private static News2Input normalWith(Double rr, Double spo2, Boolean oxygen, Double sbp, Double pulse,
            Consciousness acvpu, Double temp) {
        return News2Input.scale1(rr == null ? 16.0 : rr, spo2 == null ? 97.0 : spo2, oxygen == null ? false : oxygen,
                sbp == null ? 120.0 : sbp, pulse == null ? 70.0 : pulse, acvpu == null ? Consciousness.ALERT : acvpu,
                temp == null ? 37.0 : temp);
    }

    @ParameterizedTest(name = "RR {0}/min scores {1}")
    @CsvSource({"0,3", "8,3", "9,1", "11,1", "12,0", "20,0", "21,2", "24,2", "25,3", "60,3",
            // rounding half-up to whole breaths
            "8.4,3", "8.5,1", "11.49,1", "11.5,0", "20.5,2", "24.5,3"})
    void respirationRateBands(double rr, int expected) {
        assertThat(News2.score(normalWith(rr, null, null, null, null, null, null))
                .parameterScores().get(News2Parameter.RESPIRATION_RATE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SpO2 {0}% on Scale 1 scores {1}")
    @CsvSource({"40,3", "91,3", "92,2", "93,2", "94,1", "95,1", "96,0", "100,0", "91.4,3", "91.5,2", "95.5,0"})
    void saturationScale1Bands(double spo2, int expected) {
        assertThat(News2.score(normalWith(null, spo2, null, null, null, null, null))
                .parameterScores().get(News2Parameter.OXYGEN_SATURATION)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SpO2 {0}% on Scale 2, on oxygen {1}, scores {2}")
    @CsvSource({
            "60,false,3", "83,false,3", "84,false,2", "85,false,2", "86,false,1", "87,false,1",
            "88,false,0", "92,false,0", "93,false,0", "97,false,0", "100,false,0",
            "83,true,3", "84,true,2", "86,true,1", "88,true,0", "92,true,0",
            "93,true,1", "94,true,1", "95,true,2", "96,true,2", "97,true,3", "100,true,3"})
    void saturationScale2Bands(double spo2, boolean onOxygen, int expected) {
        News2Result result = News2.score(scale2(spo2, onOxygen));
        assertThat(result.parameterScores().get(News2Parameter.OXYGEN_SATURATION)).isEqualTo(expected);
        assertThat(result.scale()).isEqualTo(SpO2Scale.SCALE_2);
    }

    @Test
    void scale2OnOxygenAt97ScoresFiveFromSaturationAndOxygenRows() {
        News2Result result = News2.score(scale2(97, true));
        assertThat(result.parameterScores().get(News2Parameter.OXYGEN_SATURATION)
                + result.parameterScores().get(News2Parameter.AIR_OR_OXYGEN)).isEqualTo(5);
    }

    @Test
    void scale2WhenOxygenUnknownTakesTheHigherOnOxygenScoreAndIsPartial() {
        News2Result result = News2.score(new News2Input(16.0, 95.0, SpO2Scale.SCALE_2, null, 120.0, 70.0,
                Consciousness.ALERT, 37.0, "Dr Okafor", Instant.parse("2026-11-01T09:00:00Z")));
        assertThat(result.parameterScores().get(News2Parameter.OXYGEN_SATURATION)).isEqualTo(2);
        assertThat(result.partial()).isTrue();
        assertThat(result.missing()).containsExactly(News2Parameter.AIR_OR_OXYGEN);
    }

    @Test
    void refusesScale2WithoutWhoDocumentedHypercapnicFailure() {
        assertThatThrownBy(() -> News2.score(new News2Input(16.0, 90.0, SpO2Scale.SCALE_2, false, 120.0, 70.0,
                Consciousness.ALERT, 37.0, null, null)))
                .isInstanceOfSatisfying(InvalidObservationException.class,
                        e -> assertThat(e.field()).isEqualTo("scale2DocumentedBy"));
        assertThatThrownBy(() -> News2.score(new News2Input(16.0, 90.0, SpO2Scale.SCALE_2, false, 120.0, 70.0,
                Consciousness.ALERT, 37.0, "Dr Okafor", null)))
                .isInstanceOfSatisfying(InvalidObservationException.class,
                        e -> assertThat(e.field()).isEqualTo("scale2DocumentedAt"));
    }

    @ParameterizedTest(name = "on oxygen {0} scores {1}")
    @CsvSource({"false,0", "true,2"})
    void airOrOxygen(boolean onOxygen, int expected) {
        assertThat(News2.score(normalWith(null, null, onOxygen, null, null, null, null))
                .parameterScores().get(News2Parameter.AIR_OR_OXYGEN)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SBP {0} mmHg scores {1}")
    @CsvSource({"30,3", "90,3", "91,2", "100,2", "101,1", "110,1", "111,0", "219,0", "220,3", "300,3",
            "90.49,3", "90.5,2", "219.5,3"})
    void systolicBands(double sbp, int expected) {
        assertThat(News2.score(normalWith(null, null, null, sbp, null, null, null))
                .parameterScores().get(News2Parameter.SYSTOLIC_BLOOD_PRESSURE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "pulse {0}/min scores {1}")
    @CsvSource({"10,3", "40,3", "41,1", "50,1", "51,0", "90,0", "91,1", "110,1", "111,2", "130,2", "131,3", "250,3",
            "40.4,3", "40.5,1", "90.5,1", "130.5,3"})
    void pulseBands(double pulse, int expected) {
        assertThat(News2.score(normalWith(null, null, null, null, pulse, null, null))
                .parameterScores().get(News2Parameter.PULSE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource({"ALERT,0", "NEW_CONFUSION,3", "VOICE,3", "PAIN,3", "UNRESPONSIVE,3"})
    void consciousness(Consciousness acvpu, int expected) {
        assertThat(News2.score(normalWith(null, null, null, null, null, acvpu, null))
                .parameterScores().get(News2Parameter.CONSCIOUSNESS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "temperature {0} C scores {1}")
    @CsvSource({"25,3", "35.0,3", "35.1,1", "36.0,1", "36.1,0", "38.0,0", "38.1,1", "39.0,1", "39.1,2", "42,2",
            "35.04,3", "35.05,1", "36.05,0", "38.05,1", "39.05,2"})
    void temperatureBands(double temperature, int expected) {
        assertThat(News2.score(normalWith(null, null, null, null, null, null, temperature))
                .parameterScores().get(News2Parameter.TEMPERATURE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "total {0}, red {1}: {2}")
    @CsvSource({
            // rr, spo2, oxygen, sbp, pulse, temp -> total, red, risk, monitoring hours
            "16,97,false,120,70,37.0, 0,false,LOW,12",
            "21,97,false,120,70,37.0, 2,false,LOW,4",
            "21,94,false,120,70,38.5, 4,false,LOW,4",
            "25,97,false,120,70,37.0, 3,true,LOW_MEDIUM,1",
            "25,94,false,120,70,37.0, 4,true,LOW_MEDIUM,1",
            "21,94,false,120,95,38.5, 5,false,MEDIUM,1",
            "21,94,true,120,70,37.0, 5,false,MEDIUM,1",
            "25,92,false,120,70,37.0, 5,true,MEDIUM,1",
            "21,94,true,120,95,37.0, 6,false,MEDIUM,1",
            "21,94,true,105,95,37.0, 7,false,HIGH,0",
            "8,91,true,90,131,35.0, 17,true,HIGH,0"})
    void riskAndResponseFollowCharts2And4(double rr, double spo2, boolean oxygen, double sbp, double pulse,
            double temp, int total, boolean red, ClinicalRisk risk, int monitoringHours) {
        News2Result result = News2.score(News2Input.scale1(rr, spo2, oxygen, sbp, pulse, Consciousness.ALERT, temp));
        assertThat(result.total()).isEqualTo(total);
        assertThat(result.redScore()).isEqualTo(red);
        assertThat(result.risk()).isEqualTo(risk);
        assertThat(result.response().minimumInterval()).isEqualTo(Duration.ofHours(monitoringHours));
        assertThat(result.partial()).isFalse();
    }

    @Test
    void maximumScoreIsTwenty() {
        News2Result worst = News2.score(News2Input.scale1(5.0, 80.0, true, 80.0, 150.0, Consciousness.UNRESPONSIVE, 34.0));
        assertThat(worst.total()).isEqualTo(20);
        assertThat(worst.response().monitoring()).isEqualTo("Continuous monitoring of vital signs");
    }

    @Test
    void aSetMissingParametersIsPartialAndSaysWhich() {
        News2Result result = News2.score(News2Input.scale1(22.0, 95.0, null, null, 100.0, Consciousness.ALERT, null));
        assertThat(result.partial()).isTrue();
        assertThat(result.missing()).containsExactlyInAnyOrder(News2Parameter.AIR_OR_OXYGEN,
                News2Parameter.SYSTOLIC_BLOOD_PRESSURE, News2Parameter.TEMPERATURE);
        assertThat(result.total()).isEqualTo(2 + 1 + 1);
    }

    @ParameterizedTest
    @CsvSource({"respirationRatePerMinute,-1", "respirationRatePerMinute,151", "oxygenSaturationPercent,101",
            "oxygenSaturationPercent,39", "systolicBloodPressureMmHg,301", "systolicBloodPressureMmHg,19",
            "pulsePerMinute,351", "pulsePerMinute,9", "temperatureCelsius,45.1", "temperatureCelsius,24.9"})
    void refusesPhysiologicallyImpossibleValuesNamingTheField(String field, double value) {
        News2Input input = News2Input.scale1(
                field.equals("respirationRatePerMinute") ? value : 16.0,
                field.equals("oxygenSaturationPercent") ? value : 97.0, false,
                field.equals("systolicBloodPressureMmHg") ? value : 120.0,
                field.equals("pulsePerMinute") ? value : 70.0, Consciousness.ALERT,
                field.equals("temperatureCelsius") ? value : 37.0);
        assertThatThrownBy(() -> News2.score(input)).isInstanceOfSatisfying(InvalidObservationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @EnumSource(ClinicalRisk.class)
    void everyRiskHasChart2Wording(ClinicalRisk risk) {
        assertThat(risk.response()).isNotBlank();
    }

    private static News2Input scale2(double spo2, boolean onOxygen) {
        return new News2Input(16.0, spo2, SpO2Scale.SCALE_2, onOxygen, 120.0, 70.0, Consciousness.ALERT, 37.0,
                "Dr Okafor, respiratory consultant", Instant.parse("2026-11-01T09:00:00Z"));
    }
}
