package org.homeward.observation;

import java.util.Arrays;
import java.util.Set;

/**
 * What a reading measures, with the range a living patient's value can take (beyond it a reading is refused as a
 * typing or device error) or the codes it may carry. Ranges are the widest of NEWS2's and national PEWS's limits in
 * the scoring module.
 */
public enum ObservationParameter {
    RESPIRATORY_RATE(0, 150),
    OXYGEN_SATURATION(40, 100),
    ON_OXYGEN("true", "false"),
    OXYGEN_DEVICE("NONE", "NASAL_PRONGS", "FACE_MASK", "HEAD_BOX", "NON_REBREATHER", "HIGH_FLOW", "BIPAP", "CPAP"),
    OXYGEN_PERCENT(0, 100),
    OXYGEN_LITRES_PER_MINUTE(0, 60),
    SYSTOLIC_BLOOD_PRESSURE(20, 300),
    HEART_RATE(10, 350),
    TEMPERATURE(25, 45),
    CONSCIOUSNESS("ALERT", "NEW_CONFUSION", "VOICE", "PAIN", "UNRESPONSIVE"),
    RESPIRATORY_DISTRESS("NONE", "MILD", "MODERATE", "SEVERE"),
    CAPILLARY_REFILL(0, 20),
    CARER_ANSWER("WORSE", "SAME", "BETTER", "ASLEEP", "UNAVAILABLE"),
    /** National PEWS trigger criteria, recorded by the nurse with the set (only PEWS uses them). */
    SUSPECTED_SEPSIS("true", "false"),
    SUSPECTED_SEPTIC_SHOCK("true", "false"),
    ABNORMAL_PUPILS("true", "false"),
    CLINICAL_INTUITION("NONE", "LOW", "MEDIUM", "HIGH", "EMERGENCY"),
    SPECIFIC_CONCERN("NONE", "LOW", "MEDIUM", "HIGH", "EMERGENCY"),
    /** Why a child's blood pressure was not measured; "other" carries the score the nurse chose, 0 or 4. */
    BLOOD_PRESSURE_DEROGATION("NOT_ATTEMPTED_NO_CONCERN", "UNSUCCESSFUL_NO_CONCERN", "UNSUCCESSFUL_WITH_CONCERN",
            "OTHER_SCORED_0", "OTHER_SCORED_4");

    private final Double min;
    private final Double max;
    private final Set<String> codes;

    ObservationParameter(double min, double max) {
        this.min = min;
        this.max = max;
        this.codes = Set.of();
    }

    ObservationParameter(String... codes) {
        this.min = null;
        this.max = null;
        this.codes = Set.of(codes);
    }

    public boolean isNumeric() {
        return codes.isEmpty();
    }

    /**
     * Why a form's value cannot be this numeric parameter's, in words against the field's label ("Oxygen saturation
     * must be between 40 and 100"), or {@code null} when it can: the same range ingest refuses outside.
     */
    public String outOfRange(double value, String label) {
        if (!isNumeric()) {
            throw new IllegalStateException(name() + " is coded, not numeric");
        }
        if (Double.isNaN(value) || value < min || value > max) {
            return label + " must be between " + plain(min) + " and " + plain(max);
        }
        return null;
    }

    private static String plain(double bound) {
        return java.math.BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }

    /** Why the value cannot be this parameter's, or {@code null} when it can. */
    String problemWith(Double value, String code) {
        if (isNumeric()) {
            if (value == null || code != null) {
                return name() + " needs a numeric value";
            }
            if (value.isNaN() || value < min || value > max) {
                return name() + " must be between " + min + " and " + max + ", got " + value;
            }
            return null;
        }
        if (code == null || value != null) {
            return name() + " needs a code, one of " + codes.stream().sorted().toList();
        }
        return codes.contains(code) ? null : name() + " must be one of " + codes.stream().sorted().toList()
                + ", got " + code;
    }

    static String allNames() {
        return Arrays.toString(values());
    }
}
