package org.homeward.observation.web;

import java.math.BigDecimal;
import java.util.Map;
import org.homeward.observation.ObservationParameter;

/**
 * What the nurse's form, the chart and its table call each parameter and each coded value: words, never the codes
 * stored ("Nasal cannula", not NASAL_PRONGS; "On oxygen", not true).
 */
final class ObservationWords {

    private static final Map<ObservationParameter, String> LABELS = Map.ofEntries(
            Map.entry(ObservationParameter.RESPIRATORY_RATE, "Respiration rate"),
            Map.entry(ObservationParameter.OXYGEN_SATURATION, "Oxygen saturation"),
            Map.entry(ObservationParameter.ON_OXYGEN, "Air or oxygen"),
            Map.entry(ObservationParameter.OXYGEN_DEVICE, "Oxygen support"),
            Map.entry(ObservationParameter.OXYGEN_PERCENT, "Oxygen (%)"),
            Map.entry(ObservationParameter.OXYGEN_LITRES_PER_MINUTE, "Oxygen (litres per minute)"),
            Map.entry(ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, "Systolic blood pressure"),
            Map.entry(ObservationParameter.HEART_RATE, "Pulse"),
            Map.entry(ObservationParameter.TEMPERATURE, "Temperature"),
            Map.entry(ObservationParameter.CONSCIOUSNESS, "Consciousness"),
            Map.entry(ObservationParameter.RESPIRATORY_DISTRESS, "Respiratory distress"),
            Map.entry(ObservationParameter.CAPILLARY_REFILL, "Capillary refill time"),
            Map.entry(ObservationParameter.CARER_ANSWER, "Carer: is your child worse?"),
            Map.entry(ObservationParameter.SUSPECTED_SEPSIS, "Suspected sepsis"),
            Map.entry(ObservationParameter.SUSPECTED_SEPTIC_SHOCK, "Suspected septic shock"),
            Map.entry(ObservationParameter.ABNORMAL_PUPILS, "Abnormal pupils"),
            Map.entry(ObservationParameter.CLINICAL_INTUITION, "Clinical intuition"),
            Map.entry(ObservationParameter.SPECIFIC_CONCERN, "Specific concern"),
            Map.entry(ObservationParameter.BLOOD_PRESSURE_DEROGATION, "Blood pressure not measured"));

    private static final Map<ObservationParameter, String> UNITS = Map.of(
            ObservationParameter.RESPIRATORY_RATE, " per minute", ObservationParameter.OXYGEN_SATURATION, "%",
            ObservationParameter.OXYGEN_PERCENT, "%", ObservationParameter.OXYGEN_LITRES_PER_MINUTE, " L/min",
            ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, " mmHg", ObservationParameter.HEART_RATE, " per minute",
            ObservationParameter.TEMPERATURE, "°C", ObservationParameter.CAPILLARY_REFILL, " seconds");

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("NONE", "None"), Map.entry("NASAL_PRONGS", "Nasal cannula"), Map.entry("FACE_MASK", "Face mask"),
            Map.entry("HEAD_BOX", "Head box"), Map.entry("NON_REBREATHER", "Non-rebreather mask"),
            Map.entry("HIGH_FLOW", "High flow"), Map.entry("BIPAP", "BiPAP"), Map.entry("CPAP", "CPAP"),
            Map.entry("ALERT", "Alert"), Map.entry("NEW_CONFUSION", "New confusion"), Map.entry("VOICE", "Voice"),
            Map.entry("PAIN", "Pain"), Map.entry("UNRESPONSIVE", "Unresponsive"), Map.entry("MILD", "Mild"),
            Map.entry("MODERATE", "Moderate"), Map.entry("SEVERE", "Severe"), Map.entry("WORSE", "Worse"),
            Map.entry("SAME", "Same"), Map.entry("BETTER", "Better"), Map.entry("ASLEEP", "Asleep"),
            Map.entry("UNAVAILABLE", "Carer not available"), Map.entry("LOW", "Low"), Map.entry("MEDIUM", "Medium"),
            Map.entry("HIGH", "High"), Map.entry("EMERGENCY", "Emergency"),
            Map.entry("NOT_ATTEMPTED_NO_CONCERN", "Not attempted, no concern"),
            Map.entry("UNSUCCESSFUL_NO_CONCERN", "Unsuccessful attempt, no concern"),
            Map.entry("UNSUCCESSFUL_WITH_CONCERN", "Unsuccessful attempt, with concern (scores 4)"),
            Map.entry("OTHER_SCORED_0", "Other reason, scored 0"), Map.entry("OTHER_SCORED_4", "Other reason, scored 4"));

    private ObservationWords() {
    }

    static String label(ObservationParameter parameter) {
        return LABELS.get(parameter);
    }

    /** A value as a person reads it: "96%", "On oxygen", "Nasal cannula", "Yes". */
    static String value(ObservationParameter parameter, String stored) {
        if (stored == null) {
            return "";
        }
        if (parameter.isNumeric()) {
            return stored + UNITS.getOrDefault(parameter, "");
        }
        if (parameter == ObservationParameter.ON_OXYGEN) {
            return "true".equals(stored) ? "On oxygen" : "Air";
        }
        if ("true".equals(stored) || "false".equals(stored)) {
            return "true".equals(stored) ? "Yes" : "No";
        }
        return code(stored);
    }

    /** A code's words; an unknown code is shown as it is rather than hidden. */
    static String code(String code) {
        return CODES.getOrDefault(code, code);
    }

    /** A number as the form echoes it: 96, not 96.0. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
