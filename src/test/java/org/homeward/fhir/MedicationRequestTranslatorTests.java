package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;
import org.homeward.medication.DoseUnit;
import org.homeward.medication.Frequency;
import org.homeward.medication.Prescription;
import org.homeward.medication.RecordedBy;
import org.homeward.medication.Route;
import org.homeward.medication.ScreeningStatus;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A prescription as UK Core MedicationRequest: each frequency the chart offers as FHIR R4's Timing (frequency per
 * period, the chart's times of day; when required as asNeeded), each dose unit as its UCUM code, and the status as
 * the chart reads it at that moment.
 */
class MedicationRequestTranslatorTests {

    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final RecordedBy CONSULTANT = new RecordedBy("consultant", "Dr Priya Raman", "Senior decision-maker",
            "Dorset County Hospital");
    static final Instant STARTS = Instant.parse("2026-12-01T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    static Prescription prescription(BigDecimal dose, DoseUnit unit, Frequency frequency, List<LocalTime> times,
            Instant endsAt, Instant stoppedAt, UUID replaces) {
        return new Prescription(UUID.randomUUID(), PATIENT, UUID.randomUUID(), 1, "Ceftriaxone 2 g powder", dose, unit,
                Route.INTRAVENOUS, frequency, times, STARTS, endsAt, "Community-acquired pneumonia", null, true, null,
                null, null, CONSULTANT, STARTS.minusSeconds(600), List.of(), ScreeningStatus.SCREENED, null,
                "pharmacist", STARTS, null, stoppedAt, stoppedAt == null ? null : "Dr Priya Raman",
                stoppedAt == null ? null : "Switched to oral", replaces, null);
    }

    static Prescription daily(Frequency frequency, List<LocalTime> times) {
        return prescription(new BigDecimal("2.000"), DoseUnit.G, frequency, times, null, null, null);
    }

    @ParameterizedTest(name = "{0}: {1} per {2} {3}")
    @CsvSource(nullValues = "none", value = {
            "ONCE_DAILY, 1, 1, D, 08:00",
            "TWICE_DAILY, 2, 1, D, 08:00 20:00",
            "THREE_TIMES_DAILY, 3, 1, D, 08:00 14:00 22:00",
            "FOUR_TIMES_DAILY, 4, 1, D, 06:00 12:00 18:00 22:00",
            "EVERY_8_HOURS, 1, 8, H, 06:00 14:00 22:00",
            "EVERY_6_HOURS, 1, 6, H, 00:00 06:00 12:00 18:00",
            "EVERY_4_HOURS, 1, 4, H, 02:00 06:00 10:00 14:00 18:00 22:00"})
    void eachSetFrequencyIsATimesPerPeriodWithTheChartsTimesOfDay(Frequency frequency, int times, int period,
            Timing.UnitsOfTime unit, String timesOfDay) {
        List<LocalTime> chartTimes = java.util.Arrays.stream(timesOfDay.split(" ")).map(LocalTime::parse).toList();
        Dosage dosage = MedicationRequestTranslator.toFhir(daily(frequency, chartTimes), NOW).getDosageInstructionFirstRep();

        Timing.TimingRepeatComponent repeat = dosage.getTiming().getRepeat();
        assertThat(repeat.getFrequency()).isEqualTo(times);
        assertThat(repeat.getPeriod().intValue()).isEqualTo(period);
        assertThat(repeat.getPeriodUnit()).isEqualTo(unit);
        assertThat(repeat.getTimeOfDay()).extracting(PrimitiveType::getValueAsString)
                .containsExactlyElementsOf(chartTimes.stream().map(t -> t + ":00").toList());
        assertThat(dosage.hasAsNeeded()).isFalse();
    }

    @Test
    void aMedicineWhenRequiredIsAsNeededAndAContinuousOneHasNoRepeat() {
        Dosage whenRequired = MedicationRequestTranslator.toFhir(daily(Frequency.AS_REQUIRED, List.of()), NOW)
                .getDosageInstructionFirstRep();
        assertThat(whenRequired.getAsNeededBooleanType().booleanValue()).isTrue();
        assertThat(whenRequired.hasTiming()).isFalse();
        assertThat(whenRequired.getText()).isEqualTo("2 g intravenous, when required");

        Dosage continuous = MedicationRequestTranslator.toFhir(daily(Frequency.CONTINUOUS, List.of()), NOW)
                .getDosageInstructionFirstRep();
        assertThat(continuous.hasAsNeeded()).isFalse();
        assertThat(continuous.hasTiming()).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"MICROGRAM, ug", "MG, mg", "G, g", "ML, mL", "LITRES_PER_MINUTE, L/min"})
    void eachDoseUnitIsItsUcumCode(DoseUnit unit, String ucum) {
        Quantity dose = MedicationRequestTranslator.toFhir(prescription(new BigDecimal("2.50"), unit,
                Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0)), null, null, null), NOW)
                .getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity();

        assertThat(dose.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(dose.getCode()).isEqualTo(ucum);
        assertThat(dose.getUnit()).isEqualTo(unit.label());
        assertThat(dose.getValue()).isEqualByComparingTo("2.5");
    }

    @Test
    void activeWhileInForceStoppedWithItsReasonAndCompletedOnceItsEndHasPassed() {
        Prescription inForce = prescription(new BigDecimal("2"), DoseUnit.G, Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0)),
                NOW.plusSeconds(86_400), null, null);
        assertThat(MedicationRequestTranslator.toFhir(inForce, NOW).getStatus()).isEqualTo(MedicationRequestStatus.ACTIVE);

        Prescription stopped = prescription(new BigDecimal("2"), DoseUnit.G, Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0)),
                NOW.plusSeconds(86_400), NOW.minusSeconds(60), null);
        MedicationRequest stoppedRequest = MedicationRequestTranslator.toFhir(stopped, NOW);
        assertThat(stoppedRequest.getStatus()).isEqualTo(MedicationRequestStatus.STOPPED);
        assertThat(stoppedRequest.getStatusReason().getText()).isEqualTo("Switched to oral");

        Prescription ended = prescription(new BigDecimal("2"), DoseUnit.G, Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0)),
                NOW.minusSeconds(1), null, null);
        assertThat(MedicationRequestTranslator.toFhir(ended, NOW).getStatus())
                .isEqualTo(MedicationRequestStatus.COMPLETED);
        assertThat(MedicationRequestTranslator.toFhir(ended, NOW.minusSeconds(2)).getStatus())
                .as("a second before its end").isEqualTo(MedicationRequestStatus.ACTIVE);
    }

    @Test
    void carriesTheMedicineTheOrderWhoPrescribedWhyAndWhatItReplaced() {
        UUID earlier = UUID.randomUUID();
        Prescription p = prescription(new BigDecimal("2"), DoseUnit.G, Frequency.ONCE_DAILY, List.of(LocalTime.of(8, 0)),
                null, null, earlier);
        MedicationRequest request = MedicationRequestTranslator.toFhir(p, NOW);

        assertThat(request.getIdPart()).isEqualTo(p.id().toString());
        assertThat(request.getMeta().getProfile().get(0).getValue())
                .isEqualTo("https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationRequest");
        assertThat(request.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
        assertThat(request.getMedicationCodeableConcept().getText()).isEqualTo("Ceftriaxone 2 g powder");
        assertThat(request.getSubject().getReference()).isEqualTo("Patient/" + PATIENT.value());
        assertThat(request.getAuthoredOn().toInstant()).isEqualTo(STARTS.minusSeconds(600));
        assertThat(request.getRequester().getDisplay())
                .isEqualTo("Dr Priya Raman (Senior decision-maker, Dorset County Hospital)");
        assertThat(request.getReasonCodeFirstRep().getText()).isEqualTo("Community-acquired pneumonia");
        assertThat(request.getDosageInstructionFirstRep().getText()).isEqualTo("2 g intravenous, once daily at 08:00");
        assertThat(request.getDosageInstructionFirstRep().getRoute().getText()).isEqualTo("Intravenous");
        assertThat(request.getDispenseRequest().getValidityPeriod().getStart().toInstant()).isEqualTo(STARTS);
        assertThat(request.getDispenseRequest().getValidityPeriod().hasEnd()).isFalse();
        assertThat(request.getPriorPrescription().getReference()).isEqualTo("MedicationRequest/" + earlier);
        assertThat(request.getSubstitution().getAllowedBooleanType().booleanValue())
                .as("UK Core requires substitution; the formulary's medicine, not a brand").isTrue();
    }
}
