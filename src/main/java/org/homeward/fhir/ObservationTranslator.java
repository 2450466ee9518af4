package org.homeward.fhir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ScoredSet;
import org.homeward.observation.StoredReading;
import org.homeward.shared.PatientId;

/**
 * Observation, both ways: a stored reading as a UK Core vital-sign Observation ({@link ObservationCode}), a scored set
 * as a UK Core early warning total score (NEWS2 or national PEWS), and an incoming Observation as the readings the
 * ingest path stores. Every refusal names the element's path under {@code prefix} (e.g. {@code Observation} or
 * {@code Bundle.entry[3].resource}).
 */
final class ObservationTranslator {

    static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String NEWS2_TOTAL = "1104051000000101";
    static final String PEWS_TOTAL = "1363261000000104";

    /** ACVPU as UK Core's ACVPU value set codes it. */
    private static final Map<String, Coding> ACVPU = Map.of(
            "ALERT", new Coding(UkCore.SNOMED, "248234008", "Mentally alert"),
            "NEW_CONFUSION", new Coding(UkCore.SNOMED, "130987000", "Acute confusion"),
            "VOICE", new Coding(UkCore.SNOMED, "300202002", "Responds to voice"),
            "PAIN", new Coding(UkCore.SNOMED, "450847001", "Responds to pain"),
            "UNRESPONSIVE", new Coding(UkCore.SNOMED, "422768004", "Unresponsive"));

    private static final Set<Observation.ObservationStatus> ACCEPTED_STATUS = Set.of(
            Observation.ObservationStatus.FINAL, Observation.ObservationStatus.AMENDED,
            Observation.ObservationStatus.CORRECTED);

    private ObservationTranslator() {
    }

    static Observation toFhir(StoredReading reading) {
        ObservationCode code = ObservationCode.of(reading.parameter(), reading.code());
        Observation observation = base(reading.id().toString(), code.profile, code.category, code.concept(),
                reading.patient(), reading.recordedAt());
        if (reading.clientId() != null) {
            observation.addIdentifier(new Identifier().setValue(reading.clientId()));
        }
        if (reading.deviceId() != null) {
            observation.setDevice(new Reference().setIdentifier(new Identifier().setValue(reading.deviceId()))
                    .setDisplay(reading.deviceId()));
        }
        if (code.numeric()) {
            observation.setValue(new Quantity().setValue(BigDecimal.valueOf(reading.value()).stripTrailingZeros())
                    .setUnit(code.unitDisplay).setSystem(UkCore.UCUM).setCode(code.unit));
        } else if (code == ObservationCode.CONSCIOUSNESS) {
            Coding value = ACVPU.get(reading.code());
            observation.setValue(new CodeableConcept(value.copy()).setText(value.getDisplay()));
        }
        return observation;
    }

    /** A scored set's total as UK Core's EarlyWarningTotalScore; its id is derived from the patient and the time. */
    static Observation scoreToFhir(PatientId patient, ScoredSet set) {
        boolean news2 = !"PEWS".equals(set.scoreName());
        CodeableConcept concept = new CodeableConcept(news2
                ? new Coding(UkCore.SNOMED, NEWS2_TOTAL,
                        "Royal College of Physicians NEWS2 (National Early Warning Score 2) total score")
                : new Coding(UkCore.SNOMED, PEWS_TOTAL,
                        "NPEWS (National Paediatric Early Warning Score) - total score"));
        concept.setText(news2 ? "NEWS2 total score" : "National PEWS total score");
        Observation observation = base(scoreId(patient, set.takenAt()).toString(),
                "Observation-EarlyWarningTotalScore", "survey", concept, patient, set.takenAt());
        observation.setValue(new Quantity().setValue(set.total()).setUnit("ScoreOf").setSystem(UkCore.UCUM)
                .setCode("{ScoreOf}"));
        observation.addInterpretation().setText(set.level());
        if (set.partial()) {
            observation.addNote().setText("Partial: not every parameter the score uses was recorded in this set.");
        }
        return observation;
    }

    static UUID scoreId(PatientId patient, Instant takenAt) {
        return UUID.nameUUIDFromBytes(("score:" + patient.value() + ":" + takenAt.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Observation base(String id, String profile, String category, CodeableConcept code,
            PatientId patient, Instant effective) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.getMeta().addProfile(UkCore.profile(profile));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, category, switch (category) {
            case "vital-signs" -> "Vital Signs";
            case "therapy" -> "Therapy";
            default -> "Survey";
        })));
        observation.setCode(code);
        observation.setSubject(new Reference("Patient/" + patient.value()));
        observation.setEffective(new DateTimeType(Date.from(effective)));
        return observation;
    }

    /**
     * The readings an incoming Observation records (a blood pressure panel gives its systolic component; the
     * diastolic is not used by NEWS2 or PEWS and Homeward does not store it). The identifier's value is the
     * reading's id for the ingest path: a retry with the same value is stored once.
     */
    static List<IncomingReading> toReadings(Observation observation, String prefix) {
        if (!observation.hasStatus()) {
            throw Outcomes.invalid(prefix + ".status", "status is required");
        }
        if (!ACCEPTED_STATUS.contains(observation.getStatus())) {
            throw Outcomes.invalid(prefix + ".status", "only final, amended or corrected readings are recorded, not "
                    + observation.getStatus().toCode());
        }
        String clientId = observation.getIdentifier().stream().filter(Identifier::hasValue)
                .map(Identifier::getValue).findFirst().orElseThrow(() -> Outcomes.invalid(prefix + ".identifier",
                        "an identifier is required: its value makes a retry safe (stored once)"));
        if (clientId.length() > 90) {
            throw Outcomes.invalid(prefix + ".identifier[0].value", "at most 90 characters");
        }
        UUID patient = patientOf(observation, prefix);
        if (!observation.hasEffectiveDateTimeType()) {
            throw Outcomes.invalid(prefix + ".effectiveDateTime", "effectiveDateTime (when it was measured) is required");
        }
        Instant at = observation.getEffectiveDateTimeType().getValue().toInstant();
        String device = observation.hasDevice() ? deviceOf(observation.getDevice()) : null;
        if (!observation.hasCode()) {
            throw Outcomes.invalid(prefix + ".code", "code is required");
        }
        if (isBloodPressurePanel(observation.getCode())) {
            return List.of(systolicOfPanel(observation, prefix, clientId, patient, at, device));
        }
        ObservationCode code = ObservationCode.match(observation.getCode(), observation.hasValueQuantity())
                .orElseThrow(() -> Outcomes.invalid(prefix + ".code", "Homeward records none of the codes "
                        + codes(observation.getCode()) + "; it takes the LOINC or SNOMED CT codes of respiratory rate,"
                        + " oxygen saturation, heart rate, systolic blood pressure, temperature, capillary refill,"
                        + " inspired oxygen and ACVPU"));
        List<IncomingReading> readings = new ArrayList<>();
        switch (code) {
            case ON_OXYGEN -> readings.add(coded(clientId, patient, ObservationParameter.ON_OXYGEN, "true", at, device));
            case ROOM_AIR -> readings.add(coded(clientId, patient, ObservationParameter.ON_OXYGEN, "false", at, device));
            case OXYGEN_FLOW -> {
                readings.add(coded(clientId + "#on", patient, ObservationParameter.ON_OXYGEN, "true", at, device));
                readings.add(numeric(clientId, patient, code, quantity(observation, prefix, code), at, device));
            }
            case CONSCIOUSNESS -> readings.add(coded(clientId, patient, ObservationParameter.CONSCIOUSNESS,
                    acvpu(observation, prefix), at, device));
            default -> readings.add(numeric(clientId, patient, code, quantity(observation, prefix, code), at, device));
        }
        return readings;
    }

    private static boolean isBloodPressurePanel(CodeableConcept concept) {
        return concept.getCoding().stream().anyMatch(c -> (UkCore.LOINC.equals(c.getSystem())
                && "85354-9".equals(c.getCode())) || (UkCore.SNOMED.equals(c.getSystem())
                && "75367002".equals(c.getCode())));
    }

    private static IncomingReading systolicOfPanel(Observation observation, String prefix, String clientId,
            UUID patient, Instant at, String device) {
        for (int i = 0; i < observation.getComponent().size(); i++) {
            Observation.ObservationComponentComponent component = observation.getComponent().get(i);
            if (ObservationCode.match(component.getCode(), true).orElse(null)
                    == ObservationCode.SYSTOLIC_BLOOD_PRESSURE) {
                String path = prefix + ".component[" + i + "].valueQuantity";
                if (!component.hasValueQuantity()) {
                    throw Outcomes.invalid(path, "the systolic pressure needs a value in mm[Hg]");
                }
                double value = checkedQuantity(component.getValueQuantity(), path, ObservationCode.SYSTOLIC_BLOOD_PRESSURE);
                return numeric(clientId, patient, ObservationCode.SYSTOLIC_BLOOD_PRESSURE, value, at, device);
            }
        }
        throw Outcomes.invalid(prefix + ".component", "a blood pressure panel needs its systolic component (LOINC "
                + "8480-6)");
    }

    private static UUID patientOf(Observation observation, String prefix) {
        Reference subject = observation.getSubject();
        String reference = subject.getReference();
        if (reference == null || !reference.startsWith("Patient/")) {
            throw Outcomes.invalid(prefix + ".subject", "subject must reference the patient as Patient/{id}");
        }
        try {
            return UUID.fromString(subject.getReferenceElement().getIdPart());
        } catch (IllegalArgumentException e) {
            throw Outcomes.invalid(prefix + ".subject.reference", "no patient " + reference + " in Homeward");
        }
    }

    private static String deviceOf(Reference device) {
        if (device.hasIdentifier() && device.getIdentifier().hasValue()) {
            return device.getIdentifier().getValue();
        }
        return device.hasDisplay() ? device.getDisplay() : device.getReference();
    }

    private static double quantity(Observation observation, String prefix, ObservationCode code) {
        if (!observation.hasValueQuantity()) {
            throw Outcomes.invalid(prefix + ".valueQuantity", "a value in " + code.unit + " is required");
        }
        return checkedQuantity(observation.getValueQuantity(), prefix + ".valueQuantity", code);
    }

    private static double checkedQuantity(Quantity quantity, String path, ObservationCode code) {
        if (!quantity.hasValue()) {
            throw Outcomes.invalid(path + ".value", "the value is required");
        }
        boolean ucum = UkCore.UCUM.equals(quantity.getSystem());
        if (!ucum || !code.unit.equalsIgnoreCase(quantity.getCode())) {
            throw Outcomes.invalid(path + ".code", "the unit must be UCUM " + code.unit + " (" + code.unitDisplay
                    + "), got " + (quantity.hasCode() ? quantity.getCode() : "none"));
        }
        return quantity.getValue().doubleValue();
    }

    private static String acvpu(Observation observation, String prefix) {
        if (!observation.hasValueCodeableConcept()) {
            throw Outcomes.invalid(prefix + ".valueCodeableConcept", "ACVPU needs a coded value");
        }
        for (Coding coding : observation.getValueCodeableConcept().getCoding()) {
            for (Map.Entry<String, Coding> entry : ACVPU.entrySet()) {
                if (UkCore.SNOMED.equals(coding.getSystem()) && entry.getValue().getCode().equals(coding.getCode())) {
                    return entry.getKey();
                }
            }
        }
        throw Outcomes.invalid(prefix + ".valueCodeableConcept", "not an ACVPU value of UK Core's ACVPU value set: "
                + codes(observation.getValueCodeableConcept()));
    }

    private static String codes(CodeableConcept concept) {
        return concept.getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode()).toList().toString();
    }

    private static IncomingReading numeric(String clientId, UUID patient, ObservationCode code, double value,
            Instant at, String device) {
        return new IncomingReading(clientId, patient, code.parameter, value, null, at, device);
    }

    private static IncomingReading coded(String clientId, UUID patient, ObservationParameter parameter, String value,
            Instant at, String device) {
        return new IncomingReading(clientId, patient, parameter, null, value, at, device);
    }
}
