package org.homeward.fhir;

import java.util.Arrays;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.homeward.observation.ObservationParameter;

/**
 * The one table between Homeward's readings and the codes UK Core STU2 gives them: each mapped parameter's LOINC and
 * SNOMED CT codes (from the UK Core vital-signs profiles and their examples), its UCUM unit, the UK Core profile it
 * is sent as, and its category. Readings of parameters not in this table (respiratory distress, the carer's answer,
 * the PEWS trigger criteria, the oxygen device, why a blood pressure was not taken) have no UK Core code yet and are
 * not offered over FHIR; an incoming code not in this table is refused.
 * <p>
 * Oxygen: UK Core's InspiredOxygen value set has two codes, 371825009 "Patient on oxygen" (with the flow in l/min as
 * its value when known) and 722742002 "Breathing room air"; the inspired oxygen percentage is LOINC 3150-0.
 */
enum ObservationCode {
    RESPIRATORY_RATE(ObservationParameter.RESPIRATORY_RATE, "9279-1", "Respiratory rate", "86290005",
            "Respiratory rate", "/min", "per minute", "Observation-VitalSigns-RespirationRate", "vital-signs"),
    OXYGEN_SATURATION(ObservationParameter.OXYGEN_SATURATION, "2708-6", "Oxygen saturation in Arterial blood",
            "431314004", "Peripheral oxygen saturation", "%", "percent", "Observation-VitalSigns-OxygenSaturation",
            "vital-signs"),
    HEART_RATE(ObservationParameter.HEART_RATE, "8867-4", "Heart rate", "364075005", "Heart rate", "/min",
            "per minute", "Observation-VitalSigns-HeartRate", "vital-signs"),
    SYSTOLIC_BLOOD_PRESSURE(ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, "8480-6", "Systolic blood pressure",
            "72313002", "Systolic arterial pressure", "mm[Hg]", "millimeter of mercury", "Observation", "vital-signs"),
    TEMPERATURE(ObservationParameter.TEMPERATURE, "8310-5", "Body temperature", "276885007", "Core body temperature",
            "Cel", "degree Celsius", "Observation-VitalSigns-BodyTemperature", "vital-signs"),
    CAPILLARY_REFILL(ObservationParameter.CAPILLARY_REFILL, "44963-7", "Capillary refill [Time] of Nail bed", null,
            null, "s", "second", "Observation", "vital-signs"),
    OXYGEN_PERCENT(ObservationParameter.OXYGEN_PERCENT, "3150-0", "Inhaled oxygen concentration", null, null, "%",
            "percent", "Observation", "vital-signs"),
    /** The flow, sent as 371825009 with its value; 371825009 with no value is {@link #ON_OXYGEN}. */
    OXYGEN_FLOW(ObservationParameter.OXYGEN_LITRES_PER_MINUTE, null, null, "371825009", "Patient on oxygen", "l/min",
            "litre per minute", "Observation-InspiredOxygen", "therapy"),
    ON_OXYGEN(ObservationParameter.ON_OXYGEN, null, null, "371825009", "Patient on oxygen", null, null,
            "Observation-InspiredOxygen", "therapy"),
    ROOM_AIR(ObservationParameter.ON_OXYGEN, null, null, "722742002", "Breathing room air", null, null,
            "Observation-InspiredOxygen", "therapy"),
    CONSCIOUSNESS(ObservationParameter.CONSCIOUSNESS, null, null, "1104441000000107",
            "ACVPU (Alert Confusion Voice Pain Unresponsive) scale score", null, null, "Observation-ACVPU", "survey");

    final ObservationParameter parameter;
    final String loinc;
    final String loincDisplay;
    final String snomed;
    final String snomedDisplay;
    final String unit;
    final String unitDisplay;
    final String profile;
    final String category;

    ObservationCode(ObservationParameter parameter, String loinc, String loincDisplay, String snomed,
            String snomedDisplay, String unit, String unitDisplay, String profile, String category) {
        this.parameter = parameter;
        this.loinc = loinc;
        this.loincDisplay = loincDisplay;
        this.snomed = snomed;
        this.snomedDisplay = snomedDisplay;
        this.unit = unit;
        this.unitDisplay = unitDisplay;
        this.profile = profile;
        this.category = category;
    }

    boolean numeric() {
        return unit != null;
    }

    CodeableConcept concept() {
        CodeableConcept concept = new CodeableConcept();
        if (snomed != null) {
            concept.addCoding(new Coding(UkCore.SNOMED, snomed, snomedDisplay));
        }
        if (loinc != null) {
            concept.addCoding(new Coding(UkCore.LOINC, loinc, loincDisplay));
        }
        concept.setText(snomedDisplay != null ? snomedDisplay : loincDisplay);
        return concept;
    }

    /** The code a stored reading is sent with. */
    static ObservationCode of(ObservationParameter parameter, String code) {
        if (parameter == ObservationParameter.ON_OXYGEN) {
            return "true".equals(code) ? ON_OXYGEN : ROOM_AIR;
        }
        return Arrays.stream(values()).filter(c -> c.parameter == parameter).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(parameter + " has no FHIR code"));
    }

    /**
     * The category every reading of this parameter is sent with (all its codes share one); null when not offered.
     */
    static String category(ObservationParameter parameter) {
        return Arrays.stream(values()).filter(c -> c.parameter == parameter).map(c -> c.category).findFirst()
                .orElse(null);
    }

    static boolean offered(ObservationParameter parameter) {
        return Arrays.stream(values()).anyMatch(c -> c.parameter == parameter);
    }

    /**
     * The entry that matches one of the concept's codings (LOINC or SNOMED CT); {@code hasValue} tells 371825009
     * with a flow from 371825009 alone.
     */
    static Optional<ObservationCode> match(CodeableConcept concept, boolean hasValue) {
        for (Coding coding : concept.getCoding()) {
            for (ObservationCode code : values()) {
                boolean loincMatch = UkCore.LOINC.equals(coding.getSystem()) && code.loinc != null
                        && code.loinc.equals(coding.getCode());
                boolean snomedMatch = UkCore.SNOMED.equals(coding.getSystem()) && code.snomed != null
                        && code.snomed.equals(coding.getCode());
                if ((loincMatch || snomedMatch) && (code != ON_OXYGEN || !hasValue) && (code != OXYGEN_FLOW || hasValue)) {
                    return Optional.of(code);
                }
            }
        }
        return Optional.empty();
    }

    /** Every code that can be searched by, as system|code. */
    static boolean matches(ObservationCode code, String system, String value) {
        boolean anySystem = system == null || system.isEmpty();
        return (code.loinc != null && code.loinc.equals(value) && (anySystem || UkCore.LOINC.equals(system)))
                || (code.snomed != null && code.snomed.equals(value) && (anySystem || UkCore.SNOMED.equals(system)));
    }
}
