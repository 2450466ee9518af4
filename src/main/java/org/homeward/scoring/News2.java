package org.homeward.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * National Early Warning Score 2 for adults aged 16 and over.
 *
 * <p>Source: Royal College of Physicians. National Early Warning Score (NEWS) 2. London: RCP, December 2017. Chart 1
 * (the scoring system), Chart 2 (thresholds and triggers), Chart 4 (clinical response).
 *
 * <p>Rounding: the chart bands respiration rate, SpO2, systolic BP and pulse in whole numbers and temperature to one
 * decimal place. A value with more precision is first rounded half-up to the chart's precision (pulse 40.5 becomes
 * 41, temperature 35.05 becomes 35.1), then banded. This is the same as comparing with half-unit cut points.
 */
public final class News2 {

    private static final BandTable RESPIRATION = BandTable.of(Band.between(Double.NEGATIVE_INFINITY, 8, 3),
            Band.between(9, 11, 1), Band.between(12, 20, 0), Band.between(21, 24, 2), Band.atLeast(25, 3));
    private static final BandTable SPO2_SCALE_1 = BandTable.of(Band.between(Double.NEGATIVE_INFINITY, 91, 3),
            Band.between(92, 93, 2), Band.between(94, 95, 1), Band.atLeast(96, 0));
    private static final BandTable SPO2_SCALE_2_LOW = BandTable.of(Band.between(Double.NEGATIVE_INFINITY, 83, 3),
            Band.between(84, 85, 2), Band.between(86, 87, 1), Band.atLeast(88, 0));
    private static final BandTable SPO2_SCALE_2_ON_OXYGEN = BandTable.of(
            Band.between(Double.NEGATIVE_INFINITY, 92, 0), Band.between(93, 94, 1), Band.between(95, 96, 2),
            Band.atLeast(97, 3));
    private static final BandTable SYSTOLIC = BandTable.of(Band.between(Double.NEGATIVE_INFINITY, 90, 3),
            Band.between(91, 100, 2), Band.between(101, 110, 1), Band.between(111, 219, 0), Band.atLeast(220, 3));
    private static final BandTable PULSE = BandTable.of(Band.between(Double.NEGATIVE_INFINITY, 40, 3),
            Band.between(41, 50, 1), Band.between(51, 90, 0), Band.between(91, 110, 1), Band.between(111, 130, 2),
            Band.atLeast(131, 3));
    private static final BandTable TEMPERATURE = BandTable.of(Band.between(Double.NEGATIVE_INFINITY, 35.0, 3),
            Band.between(35.1, 36.0, 1), Band.between(36.1, 38.0, 0), Band.between(38.1, 39.0, 1),
            Band.atLeast(39.1, 2));

    /** The top of the Scale 2 target range (88-92 %): above it only a patient on oxygen scores. */
    private static final double SCALE_2_TARGET_TOP = 92;

    private News2() {
    }

    /** Scores a set; refuses values that cannot be physiological, naming the field. */
    public static News2Result score(News2Input input) {
        if (hasNoParameter(input)) {
            throw new InvalidObservationException("parameters", "At least one NEWS2 parameter is needed: a set with "
                    + "none has no score (it is not 'low risk')");
        }
        SpO2Scale scale = input.scale() == null ? SpO2Scale.SCALE_1 : input.scale();
        requireScale2Documentation(input, scale);
        Map<News2Parameter, Integer> scores = new EnumMap<>(News2Parameter.class);
        Set<News2Parameter> missing = EnumSet.noneOf(News2Parameter.class);

        score(scores, missing, News2Parameter.RESPIRATION_RATE, input.respirationRatePerMinute(), "respirationRatePerMinute",
                0, 150, 0, RESPIRATION);
        if (input.oxygenSaturationPercent() == null) {
            missing.add(News2Parameter.OXYGEN_SATURATION);
        } else {
            double spo2 = checked("oxygenSaturationPercent", input.oxygenSaturationPercent(), 40, 100, 0);
            scores.put(News2Parameter.OXYGEN_SATURATION, saturationScore(spo2, scale, input.onOxygen()));
        }
        if (input.onOxygen() == null) {
            missing.add(News2Parameter.AIR_OR_OXYGEN);
        } else {
            scores.put(News2Parameter.AIR_OR_OXYGEN, airOrOxygenScore(input.onOxygen()));
        }
        score(scores, missing, News2Parameter.SYSTOLIC_BLOOD_PRESSURE, input.systolicBloodPressureMmHg(),
                "systolicBloodPressureMmHg", 20, 300, 0, SYSTOLIC);
        score(scores, missing, News2Parameter.PULSE, input.pulsePerMinute(), "pulsePerMinute", 10, 350, 0, PULSE);
        if (input.consciousness() == null) {
            missing.add(News2Parameter.CONSCIOUSNESS);
        } else {
            scores.put(News2Parameter.CONSCIOUSNESS, consciousnessScore(input.consciousness()));
        }
        score(scores, missing, News2Parameter.TEMPERATURE, input.temperatureCelsius(), "temperatureCelsius", 25, 45, 1,
                TEMPERATURE);
        return result(scores, missing, scale);
    }

    /** Chart 1, "Air or oxygen?": oxygen scores 2, air 0. */
    private static int airOrOxygenScore(boolean onOxygen) {
        return onOxygen ? 2 : 0;
    }

    /** Chart 1, consciousness: Alert scores 0; new confusion, voice, pain and unresponsive score 3. */
    private static int consciousnessScore(Consciousness consciousness) {
        return consciousness == Consciousness.ALERT ? 0 : 3;
    }

    /**
     * The score bands of one row of Chart 1, lowest value first, taken from the tables this class scores with, so a
     * chart shades exactly what scores. Coded rows are given on an index axis: air or oxygen as 0 (air) and 1
     * (oxygen); consciousness by {@link Consciousness} ordinal (0 alert, 1 new confusion, 2 voice, 3 pain, 4
     * unresponsive). On Scale 2 the bands from 93 % are those of a patient on oxygen (on air 93 % or more scores 0,
     * as the chart's own Scale 2 row says).
     */
    public static java.util.List<Band> chartBands(News2Parameter parameter, SpO2Scale scale) {
        return switch (parameter) {
            case RESPIRATION_RATE -> RESPIRATION.bands();
            case OXYGEN_SATURATION -> scale == SpO2Scale.SCALE_2 ? scale2Bands() : SPO2_SCALE_1.bands();
            case AIR_OR_OXYGEN -> java.util.List.of(Band.between(0, 0, airOrOxygenScore(false)),
                    Band.between(1, 1, airOrOxygenScore(true)));
            case SYSTOLIC_BLOOD_PRESSURE -> SYSTOLIC.bands();
            case PULSE -> PULSE.bands();
            case CONSCIOUSNESS -> java.util.Arrays.stream(Consciousness.values())
                    .map(c -> Band.between(c.ordinal(), c.ordinal(), consciousnessScore(c))).toList();
            case TEMPERATURE -> TEMPERATURE.bands();
        };
    }

    /** Scale 2: the low table up to the top of the target range, then the on-oxygen table above it. */
    private static java.util.List<Band> scale2Bands() {
        java.util.List<Band> bands = new java.util.ArrayList<>();
        for (Band band : SPO2_SCALE_2_LOW.bands()) {
            bands.add(band.high() == null ? Band.between(band.low(), SCALE_2_TARGET_TOP, band.score()) : band);
        }
        SPO2_SCALE_2_ON_OXYGEN.bands().stream().filter(b -> b.low() > SCALE_2_TARGET_TOP).forEach(bands::add);
        return java.util.List.copyOf(bands);
    }

    /** A set with none of the seven parameters: it has no score, rather than a total of 0 that reads as low risk. */
    public static boolean hasNoParameter(News2Input input) {
        return input.respirationRatePerMinute() == null && input.oxygenSaturationPercent() == null
                && input.onOxygen() == null && input.systolicBloodPressureMmHg() == null
                && input.pulsePerMinute() == null && input.consciousness() == null
                && input.temperatureCelsius() == null;
    }

    /**
     * Scale 2 scores high saturations only on oxygen. When it is not known whether the patient is on oxygen, the
     * on-oxygen score is used (the higher one) and the set is partial.
     */
    private static int saturationScore(double spo2, SpO2Scale scale, Boolean onOxygen) {
        if (scale == SpO2Scale.SCALE_1) {
            return SPO2_SCALE_1.score(spo2);
        }
        if (spo2 <= SCALE_2_TARGET_TOP) {
            return SPO2_SCALE_2_LOW.score(spo2);
        }
        return Boolean.FALSE.equals(onOxygen) ? 0 : SPO2_SCALE_2_ON_OXYGEN.score(spo2);
    }

    private static News2Result result(Map<News2Parameter, Integer> scores, Set<News2Parameter> missing,
            SpO2Scale scale) {
        int total = scores.values().stream().mapToInt(Integer::intValue).sum();
        boolean red = scores.values().stream().anyMatch(score -> score == 3);
        ClinicalRisk risk = total >= 7 ? ClinicalRisk.HIGH
                : total >= 5 ? ClinicalRisk.MEDIUM
                : red ? ClinicalRisk.LOW_MEDIUM
                : ClinicalRisk.LOW;
        News2Response response = total >= 7 ? News2Response.EMERGENCY
                : total >= 5 ? News2Response.URGENT
                : red ? News2Response.RED_SCORE
                : total >= 1 ? News2Response.LOW
                : News2Response.SCORE_ZERO;
        return new News2Result(total, Collections.unmodifiableMap(scores), Collections.unmodifiableSet(missing),
                !missing.isEmpty(), red, risk, response, scale);
    }

    private static void requireScale2Documentation(News2Input input, SpO2Scale scale) {
        if (scale != SpO2Scale.SCALE_2) {
            return;
        }
        if (input.scale2DocumentedBy() == null || input.scale2DocumentedBy().isBlank()) {
            throw new InvalidObservationException("scale2DocumentedBy", "SpO2 Scale 2 needs the clinician who "
                    + "documented hypercapnic respiratory failure for this patient (RCP NEWS2 2017)");
        }
        if (input.scale2DocumentedAt() == null) {
            throw new InvalidObservationException("scale2DocumentedAt", "SpO2 Scale 2 needs when hypercapnic "
                    + "respiratory failure was documented (RCP NEWS2 2017)");
        }
    }

    private static void score(Map<News2Parameter, Integer> scores, Set<News2Parameter> missing,
            News2Parameter parameter, Double value, String field, double min, double max, int decimals,
            BandTable table) {
        if (value == null) {
            missing.add(parameter);
        } else {
            scores.put(parameter, table.score(checked(field, value, min, max, decimals)));
        }
    }

    /** Rounds half-up to the chart's precision after checking the value could be a living patient's. */
    static double checked(String field, double value, double min, double max, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < min || value > max) {
            throw new InvalidObservationException(field, field + " must be between " + stripped(min) + " and "
                    + stripped(max) + ", got " + value);
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static String stripped(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
