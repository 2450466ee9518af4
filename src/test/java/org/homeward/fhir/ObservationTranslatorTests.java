package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ObservationSource;
import org.homeward.observation.ScoredSet;
import org.homeward.observation.StoredReading;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Observation translator, row by row against the codes UK Core STU2's vital-signs profiles and their examples
 * give (UKCore-Observation-VitalSigns-HeartRate-Example etc.; ValueSet UKCore-ACVPU; ValueSet UKCore-InspiredOxygen;
 * ValueSet UKCore-EarlyWarningTotalScore), both ways.
 */
class ObservationTranslatorTests {

    static final UUID PATIENT = UUID.fromString("2b0e3c8e-5f7a-4a77-9d9e-0a6c1d3b2f10");
    static final Instant AT = Instant.parse("2026-12-06T09:30:00Z");

    @ParameterizedTest(name = "{0}: LOINC {1}, SNOMED {2}, {3}, {4}")
    @CsvSource({
            "RESPIRATORY_RATE,       9279-1,  86290005,  /min,   UKCore-Observation-VitalSigns-RespirationRate",
            "OXYGEN_SATURATION,      2708-6,  431314004, %,      UKCore-Observation-VitalSigns-OxygenSaturation",
            "HEART_RATE,             8867-4,  364075005, /min,   UKCore-Observation-VitalSigns-HeartRate",
            "SYSTOLIC_BLOOD_PRESSURE,8480-6,  72313002,  mm[Hg], UKCore-Observation",
            "TEMPERATURE,            8310-5,  276885007, Cel,    UKCore-Observation-VitalSigns-BodyTemperature",
            "CAPILLARY_REFILL,       44963-7, ,          s,      UKCore-Observation",
            "OXYGEN_PERCENT,         3150-0,  ,          %,      UKCore-Observation",
            "OXYGEN_LITRES_PER_MINUTE, ,      371825009, l/min,  UKCore-Observation-InspiredOxygen"})
    void eachNumericReadingIsSentWithItsCodesUnitAndProfileAndReadBackAsTheSameReading(String parameter, String loinc,
            String snomed, String unit, String profile) {
        StoredReading reading = new StoredReading(UUID.randomUUID(), new PatientId(PATIENT),
                ObservationParameter.valueOf(parameter), 37.5, null, AT, ObservationSource.DEVICE, "oximeter-7", "c-1");
        Observation sent = ObservationTranslator.toFhir(reading);
        assertThat(sent.getMeta().getProfile().get(0).getValue()).endsWith(profile);
        List<String> codes = sent.getCode().getCoding().stream().map(Coding::getCode).toList();
        if (loinc != null) {
            assertThat(codes).contains(loinc);
        }
        if (snomed != null) {
            assertThat(codes).contains(snomed);
        }
        assertThat(sent.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(sent.getValueQuantity().getCode()).isEqualTo(unit);
        assertThat(sent.getSubject().getReference()).isEqualTo("Patient/" + PATIENT);
        assertThat(sent.getDevice().getIdentifier().getValue()).isEqualTo("oximeter-7");

        List<IncomingReading> back = ObservationTranslator.toReadings(sent, "Observation");
        IncomingReading main = back.get(back.size() - 1);
        assertThat(main.parameter()).isEqualTo(reading.parameter());
        assertThat(main.value()).isEqualTo(37.5);
        assertThat(main.recordedAt()).isEqualTo(AT);
        assertThat(main.patientId()).isEqualTo(PATIENT);
        assertThat(main.id()).isEqualTo("c-1");
    }

    @ParameterizedTest(name = "ACVPU {0} is SNOMED {1}")
    @CsvSource({"ALERT, 248234008", "NEW_CONFUSION, 130987000", "VOICE, 300202002", "PAIN, 450847001",
            "UNRESPONSIVE, 422768004"})
    void consciousnessIsTheAcvpuScoreWithUkCoresAcvpuValues(String acvpu, String snomed) {
        Observation sent = ObservationTranslator.toFhir(new StoredReading(UUID.randomUUID(), new PatientId(PATIENT),
                ObservationParameter.CONSCIOUSNESS, null, acvpu, AT, ObservationSource.NURSE, null, null));
        assertThat(sent.getCode().getCodingFirstRep().getCode()).isEqualTo("1104441000000107");
        assertThat(sent.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo(snomed);
        sent.addIdentifier().setValue("x");
        assertThat(ObservationTranslator.toReadings(sent, "Observation").get(0).code()).isEqualTo(acvpu);
    }

    @Test
    void oxygenIsOnOxygenOrRoomAirAndAFlowAlsoRecordsOnOxygen() {
        Observation onOxygen = observation(new Coding("http://snomed.info/sct", "371825009", null), null);
        assertThat(ObservationTranslator.toReadings(onOxygen, "Observation")).extracting(IncomingReading::parameter,
                IncomingReading::code).containsExactly(org.assertj.core.groups.Tuple.tuple(ObservationParameter.ON_OXYGEN, "true"));
        Observation air = observation(new Coding("http://snomed.info/sct", "722742002", null), null);
        assertThat(ObservationTranslator.toReadings(air, "Observation").get(0).code()).isEqualTo("false");
        Observation flow = observation(new Coding("http://snomed.info/sct", "371825009", null),
                new Quantity().setValue(2).setSystem("http://unitsofmeasure.org").setCode("l/min"));
        assertThat(ObservationTranslator.toReadings(flow, "Observation")).extracting(IncomingReading::parameter)
                .containsExactly(ObservationParameter.ON_OXYGEN, ObservationParameter.OXYGEN_LITRES_PER_MINUTE);
        assertThat(ObservationTranslator.toFhir(new StoredReading(UUID.randomUUID(), new PatientId(PATIENT),
                ObservationParameter.ON_OXYGEN, null, "false", AT, ObservationSource.NURSE, null, null))
                .getCode().getCodingFirstRep().getCode()).isEqualTo("722742002");
    }

    @Test
    void aBloodPressurePanelGivesItsSystolicComponent() {
        Observation panel = observation(new Coding("http://loinc.org", "85354-9", null), null);
        panel.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "8462-4", null)))
                .setValue(new Quantity().setValue(70).setSystem("http://unitsofmeasure.org").setCode("mm[Hg]"));
        panel.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "8480-6", null)))
                .setValue(new Quantity().setValue(118).setSystem("http://unitsofmeasure.org").setCode("mm[Hg]"));
        List<IncomingReading> readings = ObservationTranslator.toReadings(panel, "Bundle.entry[0].resource");
        assertThat(readings).singleElement().satisfies(r -> {
            assertThat(r.parameter()).isEqualTo(ObservationParameter.SYSTOLIC_BLOOD_PRESSURE);
            assertThat(r.value()).isEqualTo(118.0);
        });
    }

    @Test
    void eachRefusalNamesTheElement() {
        Map<String, Observation> refused = new java.util.LinkedHashMap<>();
        Observation noStatus = heartRate();
        noStatus.setStatus(null);
        refused.put("Observation.status", noStatus);
        Observation cancelled = heartRate();
        cancelled.setStatus(Observation.ObservationStatus.CANCELLED);
        refused.put("Observation.status ", cancelled);
        Observation noIdentifier = heartRate();
        noIdentifier.getIdentifier().clear();
        refused.put("Observation.identifier", noIdentifier);
        Observation noSubject = heartRate();
        noSubject.setSubject(new Reference("Group/1"));
        refused.put("Observation.subject", noSubject);
        Observation noTime = heartRate();
        noTime.setEffective(null);
        refused.put("Observation.effectiveDateTime", noTime);
        Observation wrongUnit = heartRate();
        wrongUnit.getValueQuantity().setCode("/s");
        refused.put("Observation.valueQuantity.code", wrongUnit);
        Observation noValue = heartRate();
        noValue.setValue(null);
        refused.put("Observation.valueQuantity", noValue);
        Observation unknown = heartRate();
        unknown.setCode(new CodeableConcept(new Coding("http://loinc.org", "2339-0", "Glucose")));
        refused.put("Observation.code", unknown);
        refused.forEach((path, observation) -> assertThatThrownBy(
                () -> ObservationTranslator.toReadings(observation, "Observation"))
                .as(path).isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getExpression().get(0)
                                .getValue()).isEqualTo(path.strip())));
    }

    @Test
    void aScoredSetIsTheNews2OrPewsTotalWithItsLevel() {
        ScoredSet news2 = new ScoredSet(AT, "NEWS2", 7, false, "High", 3, Map.of(), true, "Emergency response");
        Observation total = ObservationTranslator.scoreToFhir(new PatientId(PATIENT), news2);
        assertThat(total.getCode().getCodingFirstRep().getCode()).isEqualTo("1104051000000101");
        assertThat(total.getValueQuantity().getValue().intValue()).isEqualTo(7);
        assertThat(total.getValueQuantity().getCode()).isEqualTo("{ScoreOf}");
        assertThat(total.getInterpretationFirstRep().getText()).isEqualTo("High");
        assertThat(total.getNote()).isEmpty();
        ScoredSet pews = new ScoredSet(AT, "PEWS", 4, true, "Medium", 2, Map.of(), true, "Review");
        Observation pewsTotal = ObservationTranslator.scoreToFhir(new PatientId(PATIENT), pews);
        assertThat(pewsTotal.getCode().getCodingFirstRep().getCode()).isEqualTo("1363261000000104");
        assertThat(pewsTotal.getNoteFirstRep().getText()).startsWith("Partial");
        assertThat(pewsTotal.getIdPart()).isEqualTo(ObservationTranslator.scoreId(new PatientId(PATIENT), AT).toString());
    }

    private static Observation heartRate() {
        return observation(new Coding("http://loinc.org", "8867-4", null),
                new Quantity().setValue(80).setSystem("http://unitsofmeasure.org").setCode("/min"));
    }

    private static Observation observation(Coding code, Quantity value) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addIdentifier().setValue("id-" + UUID.randomUUID());
        o.setCode(new CodeableConcept(code));
        o.setSubject(new Reference("Patient/" + PATIENT));
        o.setEffective(new DateTimeType(Date.from(AT)));
        if (value != null) {
            o.setValue(value);
        }
        return o;
    }
}
