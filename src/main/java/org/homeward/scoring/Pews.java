package org.homeward.scoring;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * National Paediatric Early Warning Score for England.
 *
 * <p>Sources: NHS England PEWS observation and escalation charts for 0-11 months, 1-4, 5-12 and 13+ years (Sept 2023,
 * CS56015), the NHS England Configuration Document for SPOT NPEWS and the SPOT NPEWS Specification V1.0 (rule C1.4:
 * a value between two bands takes the higher). Scores are 0, 1, 2 or 4; the total is 0-26. Temperature, AVPU, the
 * carer question and clinical intuition are not scored but are escalation triggers.
 */
public final class Pews {

    private Pews() {
    }

    public static PewsResult score(PewsInput input) {
        if (input.dateOfBirth() == null) {
            throw new InvalidObservationException("dateOfBirth", "dateOfBirth is required to choose the PEWS age chart");
        }
        if (input.observedOn() == null) {
            throw new InvalidObservationException("observedOn", "observedOn is required to choose the PEWS age chart");
        }
        if (hasNoParameter(input)) {
            throw new InvalidObservationException("parameters", "At least one PEWS parameter or trigger is needed: a "
                    + "set with none has no score (it is not 'no concern')");
        }
        PewsAgeChart chart = PewsAgeChart.forAge(input.dateOfBirth(), input.observedOn());
        Map<PewsParameter, Integer> scores = new EnumMap<>(PewsParameter.class);
        Set<PewsParameter> missing = EnumSet.noneOf(PewsParameter.class);

        table(scores, missing, PewsParameter.RESPIRATORY_RATE, input.respiratoryRatePerMinute(),
                "respiratoryRatePerMinute", 0, 150, PewsBands.respiratoryRate(chart));
        if (input.respiratoryDistress() == null) {
            missing.add(PewsParameter.RESPIRATORY_DISTRESS);
        } else {
            scores.put(PewsParameter.RESPIRATORY_DISTRESS, input.respiratoryDistress().score());
        }
        table(scores, missing, PewsParameter.OXYGEN_SATURATION, input.oxygenSaturationPercent(),
                "oxygenSaturationPercent", 40, 100, PewsBands.OXYGEN_SATURATION);
        scores.put(PewsParameter.OXYGEN_SUPPORT, oxygenSupport(input));
        table(scores, missing, PewsParameter.HEART_RATE, input.heartRatePerMinute(), "heartRatePerMinute", 10, 350,
                PewsBands.heartRate(chart));
        bloodPressure(input, chart, scores, missing);
        table(scores, missing, PewsParameter.CAPILLARY_REFILL, input.capillaryRefillSeconds(), "capillaryRefillSeconds",
                0, 20, PewsBands.CAPILLARY_REFILL);

        int total = scores.values().stream().mapToInt(Integer::intValue).sum();
        Set<PewsTrigger> triggers = EnumSet.noneOf(PewsTrigger.class);
        PewsEscalationLevel level = PewsEscalationLevel.forTotal(total);
        if (total > 0) {
            triggers.add(PewsTrigger.PEWS_SCORE);
        }
        level = triggers(input, level, triggers);
        return new PewsResult(chart, total, Collections.unmodifiableMap(scores), Collections.unmodifiableSet(missing),
                !missing.isEmpty(), level, Collections.unmodifiableSet(triggers));
    }

    /**
     * The score bands of one scored row of the chart for this age, lowest value first, taken from the tables this
     * class scores with, so a chart shades exactly what scores. Respiratory distress is given on an index axis by
     * {@link RespiratoryDistress} ordinal (0 none to 3 severe). Oxygen support is given as its oxygen level in
     * L/min, 0 being air (see {@link #oxygenPercentChartBands()} for the level in %); a high-flow, BiPAP or CPAP
     * device scores 4 whatever the level.
     */
    public static java.util.List<Band> chartBands(PewsParameter parameter, PewsAgeChart chart) {
        return switch (parameter) {
            case RESPIRATORY_RATE -> PewsBands.respiratoryRate(chart).bands();
            case RESPIRATORY_DISTRESS -> java.util.Arrays.stream(RespiratoryDistress.values())
                    .map(d -> Band.between(d.ordinal(), d.ordinal(), d.score())).toList();
            case OXYGEN_SATURATION -> PewsBands.OXYGEN_SATURATION.bands();
            case OXYGEN_SUPPORT -> withAir(PewsBands.OXYGEN_FLOW, 0.01);
            case HEART_RATE -> PewsBands.heartRate(chart).bands();
            case SYSTOLIC_BLOOD_PRESSURE -> PewsBands.systolicBloodPressure(chart).bands();
            case CAPILLARY_REFILL -> PewsBands.CAPILLARY_REFILL.bands();
        };
    }

    /** Oxygen support as its level in %, 0 being air. */
    public static java.util.List<Band> oxygenPercentChartBands() {
        return withAir(PewsBands.OXYGEN_PERCENT, 0.01);
    }

    /** Air (a level of 0) scores 0; any supported level, however small, scores from the table's first band. */
    private static java.util.List<Band> withAir(BandTable levels, double smallestSupport) {
        java.util.List<Band> bands = new java.util.ArrayList<>();
        bands.add(Band.between(0, 0, 0));
        Band first = levels.bands().get(0);
        bands.add(Band.between(smallestSupport, first.high(), first.score()));
        bands.addAll(levels.bands().subList(1, levels.bands().size()));
        return java.util.List.copyOf(bands);
    }

    /** A set with no parameter, no oxygen, no AVPU and no trigger: it has no score rather than a total of 0. */
    public static boolean hasNoParameter(PewsInput i) {
        return i.respiratoryRatePerMinute() == null && i.respiratoryDistress() == null
                && i.oxygenSaturationPercent() == null && i.oxygenDevice() == null && i.oxygenPercent() == null
                && i.oxygenLitresPerMinute() == null && i.heartRatePerMinute() == null
                && i.systolicBloodPressureMmHg() == null && i.bloodPressureDerogation() == null
                && i.capillaryRefillSeconds() == null && i.avpu() == null && !i.suspectedSepsis()
                && !i.suspectedSepticShock() && !i.abnormalPupils() && i.carerAnswer() == null
                && (i.clinicalIntuitionLevel() == null || i.clinicalIntuitionLevel() == PewsEscalationLevel.NONE)
                && (i.specificConcernLevel() == null || i.specificConcernLevel() == PewsEscalationLevel.NONE);
    }

    /**
     * The higher of the device score and the level score (SPOT NPEWS C17.11). High flow, BiPAP and CPAP score 4. A
     * delivery device needs its level; no device and no level is air.
     */
    private static int oxygenSupport(PewsInput input) {
        OxygenDevice device = input.oxygenDevice() == null ? OxygenDevice.NONE : input.oxygenDevice();
        Double percent = input.oxygenPercent();
        Double flow = input.oxygenLitresPerMinute();
        if (percent != null) {
            checked("oxygenPercent", percent, 0, 100);
        }
        if (flow != null) {
            checked("oxygenLitresPerMinute", flow, 0, 60);
        }
        boolean hasLevel = (percent != null && percent > 0) || (flow != null && flow > 0);
        if (device.scoresMaximum()) {
            return 4;
        }
        if (device != OxygenDevice.NONE && !hasLevel) {
            throw new InvalidObservationException("oxygenPercent", "Give the oxygen level (% or L/min) delivered by "
                    + device.name().toLowerCase().replace('_', ' '));
        }
        int score = 0;
        if (percent != null && percent > 0) {
            score = Math.max(score, PewsBands.OXYGEN_PERCENT.score(percent));
        }
        if (flow != null && flow > 0) {
            score = Math.max(score, PewsBands.OXYGEN_FLOW.score(flow));
        }
        return score;
    }

    private static void bloodPressure(PewsInput input, PewsAgeChart chart, Map<PewsParameter, Integer> scores,
            Set<PewsParameter> missing) {
        if (input.systolicBloodPressureMmHg() != null) {
            double sbp = checked("systolicBloodPressureMmHg", input.systolicBloodPressureMmHg(), 20, 300);
            scores.put(PewsParameter.SYSTOLIC_BLOOD_PRESSURE, PewsBands.systolicBloodPressure(chart).score(sbp));
            return;
        }
        BloodPressureDerogation derogation = input.bloodPressureDerogation();
        if (derogation == null) {
            missing.add(PewsParameter.SYSTOLIC_BLOOD_PRESSURE);
            return;
        }
        switch (derogation) {
            case UNSUCCESSFUL_WITH_CONCERN:
                scores.put(PewsParameter.SYSTOLIC_BLOOD_PRESSURE, 4);
                break;
            case OTHER:
                Integer chosen = input.otherDerogationScore();
                if (chosen == null || (chosen != 0 && chosen != 4)) {
                    throw new InvalidObservationException("otherDerogationScore",
                            "With blood pressure derogation 'Other', choose a score of 0 or 4");
                }
                scores.put(PewsParameter.SYSTOLIC_BLOOD_PRESSURE, chosen);
                break;
            default:
                scores.put(PewsParameter.SYSTOLIC_BLOOD_PRESSURE, 0);
        }
    }

    /** The chart's trigger criteria, each of which can raise the level above the one the total gives. */
    private static PewsEscalationLevel triggers(PewsInput input, PewsEscalationLevel byTotal, Set<PewsTrigger> triggers) {
        PewsEscalationLevel level = byTotal;
        if (input.suspectedSepsis()) {
            level = raise(level, PewsEscalationLevel.MEDIUM, PewsTrigger.SUSPECTED_SEPSIS, triggers);
        }
        if (input.suspectedSepticShock()) {
            level = raise(level, PewsEscalationLevel.HIGH, PewsTrigger.SUSPECTED_SEPTIC_SHOCK, triggers);
        }
        if (input.avpu() == Avpu.VOICE) {
            level = raise(level, PewsEscalationLevel.HIGH, PewsTrigger.AVPU_CHANGE, triggers);
        }
        if (input.avpu() == Avpu.PAIN || input.avpu() == Avpu.UNRESPONSIVE) {
            level = raise(level, PewsEscalationLevel.EMERGENCY, PewsTrigger.AVPU_CHANGE, triggers);
        }
        if (input.abnormalPupils()) {
            level = raise(level, PewsEscalationLevel.EMERGENCY, PewsTrigger.ABNORMAL_PUPILS, triggers);
        }
        if (input.carerAnswer() == CarerAnswer.WORSE) {
            PewsEscalationLevel judged = input.carerConcernLevel() == null ? PewsEscalationLevel.MEDIUM
                    : input.carerConcernLevel();
            level = raise(level, judged.atLeast(PewsEscalationLevel.LOW), PewsTrigger.CARER_QUESTION, triggers);
        }
        if (input.clinicalIntuitionLevel() != null && input.clinicalIntuitionLevel() != PewsEscalationLevel.NONE) {
            level = raise(level, input.clinicalIntuitionLevel(), PewsTrigger.CLINICAL_INTUITION, triggers);
        }
        if (input.specificConcernLevel() != null && input.specificConcernLevel() != PewsEscalationLevel.NONE) {
            level = raise(level, input.specificConcernLevel(), PewsTrigger.SPECIFIC_CONCERN, triggers);
        }
        return level;
    }

    private static PewsEscalationLevel raise(PewsEscalationLevel current, PewsEscalationLevel trigger,
            PewsTrigger reason, Set<PewsTrigger> triggers) {
        triggers.add(reason);
        return current.atLeast(trigger);
    }

    private static void table(Map<PewsParameter, Integer> scores, Set<PewsParameter> missing, PewsParameter parameter,
            Double value, String field, double min, double max, BandTable table) {
        if (value == null) {
            missing.add(parameter);
        } else {
            scores.put(parameter, table.score(checked(field, value, min, max)));
        }
    }

    private static double checked(String field, double value, double min, double max) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < min || value > max) {
            throw new InvalidObservationException(field, field + " must be between " + min + " and " + max
                    + ", got " + value);
        }
        return value;
    }
}
