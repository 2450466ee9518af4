package org.homeward.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * National PEWS (NHS England, Sept 2023) row by row: every band edge of the age-specific tables (generated from the
 * published tables into {@code scoring/pews-age-bands.csv}), the parameters shared by every age, the age charts and
 * the escalation card.
 */
class PewsTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Map<PewsAgeChart, LocalDate> BORN = Map.of(
            PewsAgeChart.ZERO_TO_ELEVEN_MONTHS, TODAY.minusMonths(6),
            PewsAgeChart.ONE_TO_FOUR_YEARS, TODAY.minusYears(3),
            PewsAgeChart.FIVE_TO_TWELVE_YEARS, TODAY.minusYears(8),
            PewsAgeChart.THIRTEEN_YEARS_AND_OVER, TODAY.minusYears(15));

    @ParameterizedTest(name = "{0} {1} {2} scores {3}")
    @CsvFileSource(resources = "/scoring/pews-age-bands.csv", numLinesToSkip = 1)
    void ageSpecificBands(PewsAgeChart chart, PewsParameter parameter, double value, int expected) {
        PewsInputBuilder set = PewsInputBuilder.normalFor(BORN.get(chart), TODAY);
        switch (parameter) {
            case RESPIRATORY_RATE: set.respiratoryRate(value); break;
            case HEART_RATE: set.heartRate(value); break;
            default: set.systolic(value);
        }
        PewsResult result = Pews.score(set.build());
        assertThat(result.chart()).isEqualTo(chart);
        assertThat(result.parameterScores().get(parameter)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "born {0}: {1}")
    @CsvSource({
            "2025-11-24, ZERO_TO_ELEVEN_MONTHS", "2025-11-23, ONE_TO_FOUR_YEARS",
            "2021-11-24, ONE_TO_FOUR_YEARS", "2021-11-23, FIVE_TO_TWELVE_YEARS",
            "2013-11-24, FIVE_TO_TWELVE_YEARS", "2013-11-23, THIRTEEN_YEARS_AND_OVER",
            "2026-11-23, ZERO_TO_ELEVEN_MONTHS", "2008-11-24, THIRTEEN_YEARS_AND_OVER"})
    void chartChangesOnTheFirstFifthAndThirteenthBirthday(LocalDate born, PewsAgeChart expected) {
        assertThat(PewsAgeChart.forAge(born, TODAY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SpO2 {0}% scores {1}")
    @CsvSource({"40,4", "91,4", "91.005,4", "91.01,1", "94.99,1", "94.995,1", "95,0", "100,0"})
    void saturationBandsForEveryAge(double spo2, int expected) {
        for (LocalDate born : BORN.values()) {
            assertThat(Pews.score(PewsInputBuilder.normalFor(born, TODAY).saturation(spo2).build())
                    .parameterScores().get(PewsParameter.OXYGEN_SATURATION)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "CRT {0}s scores {1}")
    @CsvSource({"0,0", "2,0", "2.01,2", "2.5,2", "2.99,2", "3,2", "8,2"})
    void capillaryRefillTakesTheHigherBandBetweenTwoAndThreeSeconds(double seconds, int expected) {
        assertThat(Pews.score(PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.ONE_TO_FOUR_YEARS), TODAY)
                .capillaryRefill(seconds).build()).parameterScores().get(PewsParameter.CAPILLARY_REFILL))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource({"NONE,0", "MILD,1", "MODERATE,2", "SEVERE,4"})
    void respiratoryDistress(RespiratoryDistress distress, int expected) {
        assertThat(Pews.score(PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.FIVE_TO_TWELVE_YEARS), TODAY)
                .distress(distress).build()).parameterScores().get(PewsParameter.RESPIRATORY_DISTRESS))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1}% / {2} L/min scores {3}")
    @CsvSource({
            "NONE,,,0",
            "FACE_MASK,10,,1", "FACE_MASK,16,,1", "HEAD_BOX,29.99,,1", "HEAD_BOX,29.995,,2", "HEAD_BOX,30,,2",
            "FACE_MASK,49.99,,2", "FACE_MASK,50,,4", "NON_REBREATHER,100,,4",
            "NASAL_PRONGS,,0.005,1", "NASAL_PRONGS,,0.01,1", "NASAL_PRONGS,,1.99,1", "NASAL_PRONGS,,1.995,2",
            "NASAL_PRONGS,,2,2", "NASAL_PRONGS,,5.99,2", "NASAL_PRONGS,,6,4", "FACE_MASK,,15,4",
            "HIGH_FLOW,,,4", "HIGH_FLOW,21,,4", "BIPAP,,,4", "CPAP,30,,4",
            "NASAL_PRONGS,25,3,2"})
    void oxygenSupportScoresTheHigherOfDeviceAndLevel(OxygenDevice device, Double percent, Double flow, int expected) {
        assertThat(Pews.score(PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.ZERO_TO_ELEVEN_MONTHS), TODAY)
                .oxygen(device, percent, flow).build()).parameterScores().get(PewsParameter.OXYGEN_SUPPORT))
                .isEqualTo(expected);
    }

    @Test
    void refusesADeliveryDeviceWithoutItsLevel() {
        assertThatThrownBy(() -> Pews.score(PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.ONE_TO_FOUR_YEARS), TODAY)
                .oxygen(OxygenDevice.NASAL_PRONGS, null, null).build()))
                .isInstanceOfSatisfying(InvalidObservationException.class,
                        e -> assertThat(e.field()).isEqualTo("oxygenPercent"));
    }

    @ParameterizedTest(name = "{0} (other {1}) scores {2}")
    @CsvSource({"NOT_ATTEMPTED_NO_CONCERN,,0", "UNSUCCESSFUL_NO_CONCERN,,0", "UNSUCCESSFUL_WITH_CONCERN,,4",
            "OTHER,0,0", "OTHER,4,4"})
    void bloodPressureDerogationCodes(BloodPressureDerogation code, Integer otherScore, int expected) {
        PewsResult result = Pews.score(PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.ONE_TO_FOUR_YEARS), TODAY)
                .derogation(code, otherScore).build());
        assertThat(result.parameterScores().get(PewsParameter.SYSTOLIC_BLOOD_PRESSURE)).isEqualTo(expected);
        assertThat(result.partial()).isFalse();
    }

    @Test
    void refusesOtherDerogationWithoutAChosenScoreOfZeroOrFour() {
        assertThatThrownBy(() -> Pews.score(PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.ONE_TO_FOUR_YEARS), TODAY)
                .derogation(BloodPressureDerogation.OTHER, 2).build()))
                .isInstanceOfSatisfying(InvalidObservationException.class,
                        e -> assertThat(e.field()).isEqualTo("otherDerogationScore"));
    }

    @ParameterizedTest(name = "total {0}: {1}")
    @CsvSource({"0,NONE", "1,LOW", "4,LOW", "5,MEDIUM", "8,MEDIUM", "9,HIGH", "12,HIGH", "13,EMERGENCY", "26,EMERGENCY"})
    void escalationLevelByTotal(int total, PewsEscalationLevel expected) {
        assertThat(PewsEscalationLevel.forTotal(total)).isEqualTo(expected);
    }

    @Test
    void aNormalChildScoresZeroWithNoEscalation() {
        PewsResult result = Pews.score(PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.FIVE_TO_TWELVE_YEARS), TODAY).build());
        assertThat(result.total()).isZero();
        assertThat(result.level()).isEqualTo(PewsEscalationLevel.NONE);
        assertThat(result.triggers()).isEmpty();
    }

    @Test
    void maximumTotalIsTwentySix() {
        PewsResult worst = Pews.score(PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.ONE_TO_FOUR_YEARS), TODAY)
                .respiratoryRate(5).distress(RespiratoryDistress.SEVERE).saturation(80)
                .oxygen(OxygenDevice.CPAP, null, null).heartRate(200.0).systolic(40.0).capillaryRefill(5).build());
        assertThat(worst.total()).isEqualTo(26);
        assertThat(worst.level()).isEqualTo(PewsEscalationLevel.EMERGENCY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // trigger, expected level, expected reason; on a child whose PEWS total is 1 (mild distress)
            "sepsis, MEDIUM, SUSPECTED_SEPSIS", "septicShock, HIGH, SUSPECTED_SEPTIC_SHOCK", "voice, HIGH, AVPU_CHANGE",
            "pain, EMERGENCY, AVPU_CHANGE", "unresponsive, EMERGENCY, AVPU_CHANGE", "pupils, EMERGENCY, ABNORMAL_PUPILS",
            "carerWorse, MEDIUM, CARER_QUESTION", "carerWorseHigh, HIGH, CARER_QUESTION", "carerSame, LOW, PEWS_SCORE",
            "intuitionHigh, HIGH, CLINICAL_INTUITION", "concernEmergency, EMERGENCY, SPECIFIC_CONCERN"})
    void triggersRaiseTheLevelAboveTheTotal(String trigger, PewsEscalationLevel expected, PewsTrigger reason) {
        PewsInputBuilder set = PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.ONE_TO_FOUR_YEARS), TODAY)
                .distress(RespiratoryDistress.MILD);
        switch (trigger) {
            case "sepsis": set.sepsis(); break;
            case "septicShock": set.septicShock(); break;
            case "voice": set.avpu(Avpu.VOICE); break;
            case "pain": set.avpu(Avpu.PAIN); break;
            case "unresponsive": set.avpu(Avpu.UNRESPONSIVE); break;
            case "pupils": set.abnormalPupils(); break;
            case "carerWorse": set.carer(CarerAnswer.WORSE, null); break;
            case "carerWorseHigh": set.carer(CarerAnswer.WORSE, PewsEscalationLevel.HIGH); break;
            case "carerSame": set.carer(CarerAnswer.SAME, null); break;
            case "intuitionHigh": set.intuition(PewsEscalationLevel.HIGH); break;
            default: set.specificConcern(PewsEscalationLevel.EMERGENCY);
        }
        PewsResult result = Pews.score(set.build());
        assertThat(result.total()).isEqualTo(1);
        assertThat(result.level()).isEqualTo(expected);
        assertThat(result.triggers()).contains(reason);
    }

    @Test
    void aTriggerNeverLowersTheLevelTheTotalGives() {
        PewsResult result = Pews.score(PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.ONE_TO_FOUR_YEARS), TODAY)
                .respiratoryRate(65).heartRate(175.0).saturation(90).sepsis().build());
        assertThat(result.total()).isEqualTo(12);
        assertThat(result.level()).isEqualTo(PewsEscalationLevel.HIGH);
    }

    @Test
    void aSetMissingVitalSignsIsPartialAndSaysWhich() {
        PewsResult result = Pews.score(PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.ONE_TO_FOUR_YEARS), TODAY)
                .heartRate(null).systolic(null).build());
        assertThat(result.partial()).isTrue();
        assertThat(result.missing()).containsExactlyInAnyOrder(PewsParameter.HEART_RATE,
                PewsParameter.SYSTOLIC_BLOOD_PRESSURE);
    }

    @ParameterizedTest
    @CsvSource({"respiratoryRatePerMinute", "heartRatePerMinute", "oxygenSaturationPercent", "systolicBloodPressureMmHg",
            "capillaryRefillSeconds"})
    void refusesImpossibleValuesNamingTheField(String field) {
        PewsInputBuilder set = PewsInputBuilder.normalFor(BORN.get(PewsAgeChart.ONE_TO_FOUR_YEARS), TODAY);
        switch (field) {
            case "respiratoryRatePerMinute": set.respiratoryRate(-1); break;
            case "heartRatePerMinute": set.heartRate(400.0); break;
            case "oxygenSaturationPercent": set.saturation(101); break;
            case "systolicBloodPressureMmHg": set.systolic(301.0); break;
            default: set.capillaryRefill(-2);
        }
        assertThatThrownBy(() -> Pews.score(set.build())).isInstanceOfSatisfying(InvalidObservationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void refusesObservationsDatedBeforeBirth() {
        assertThatThrownBy(() -> Pews.score(PewsInputBuilder.normalFor(TODAY.plusDays(1), TODAY).build()))
                .isInstanceOfSatisfying(InvalidObservationException.class,
                        e -> assertThat(e.field()).isEqualTo("dateOfBirth"));
    }
}
