package org.homeward.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestIntent;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.homeward.medication.DoseUnit;
import org.homeward.medication.Frequency;
import org.homeward.medication.Prescription;

/**
 * A prescription for home as UK Core MedicationRequest (intent {@code order}), for a GP's or a visiting team's system
 * to read what the patient is being given.
 *
 * <ul>
 *   <li>Status: {@code active} while it is in force, {@code stopped} once stopped (the reason as the status reason),
 *   {@code completed} once its end has passed unstopped.</li>
 *   <li>The medicine is named in words, as prescribed. A formulary entry's dm+d code, where its pharmacist recorded
 *   one, is not carried on the prescription yet.</li>
 *   <li>The dosage says in words what the chart says ('2 g intravenous, once daily at 08:00') and in structure: the dose
 *   with its UCUM unit, the route in words, the timing as FHIR's frequency per period with the chart's times of day;
 *   a medicine given when required is {@code asNeeded}, a continuous one has no repeat.</li>
 *   <li>A change is a new prescription pointing at the one it replaced ({@code priorPrescription}).</li>
 *   <li>Substitution, which UK Core requires, is allowed: Homeward prescribes the formulary's medicine, not a brand.</li>
 * </ul>
 */
final class MedicationRequestTranslator {

    private static final java.time.format.DateTimeFormatter CHART_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm");
    private static final java.time.format.DateTimeFormatter FHIR_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private MedicationRequestTranslator() {
    }

    static MedicationRequest toFhir(Prescription p, Instant now) {
        MedicationRequest request = new MedicationRequest();
        request.setId(p.id().toString());
        request.getMeta().addProfile(UkCore.profile("MedicationRequest"));
        request.addIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + "prescription")
                .setValue(p.id().toString()));
        request.setStatus(status(p, now));
        if (p.stopped()) {
            request.setStatusReason(new CodeableConcept().setText(p.stopReason()));
        }
        request.setIntent(MedicationRequestIntent.ORDER);
        request.setMedication(new CodeableConcept().setText(p.medicine()));
        request.setSubject(new Reference("Patient/" + p.patientId().value()));
        request.setAuthoredOn(Date.from(p.prescribedAt()));
        request.setRequester(new Reference().setDisplay(p.prescribedBy().words()));
        if (p.indication() != null && !p.indication().isBlank()) {
            request.addReasonCode(new CodeableConcept().setText(p.indication()));
        }
        request.addDosageInstruction(dosage(p));
        Period validity = new Period().setStart(Date.from(p.startsAt()));
        if (p.endsAt() != null) {
            validity.setEnd(Date.from(p.endsAt()));
        }
        request.getDispenseRequest().setValidityPeriod(validity);
        // UK Core asks for substitution (1..1): a prescription names the formulary's medicine, not a brand, so any
        // equivalent product may be supplied
        request.getSubstitution().setAllowed(new org.hl7.fhir.r4.model.BooleanType(true));
        if (p.replaces() != null) {
            request.setPriorPrescription(new Reference("MedicationRequest/" + p.replaces()));
        }
        return request;
    }

    static MedicationRequestStatus status(Prescription p, Instant now) {
        if (p.stopped()) {
            return MedicationRequestStatus.STOPPED;
        }
        return p.activeAt(now) ? MedicationRequestStatus.ACTIVE : MedicationRequestStatus.COMPLETED;
    }

    static Dosage dosage(Prescription p) {
        Dosage dosage = new Dosage();
        String times = p.times().stream().map(t -> t.format(CHART_TIME)).collect(Collectors.joining(", "));
        dosage.setText(p.doseWords() + " " + p.route().label().toLowerCase() + ", " + p.frequency().label().toLowerCase()
                + (times.isEmpty() ? "" : " at " + times));
        dosage.setRoute(new CodeableConcept().setText(p.route().label()));
        dosage.addDoseAndRate().setDose(new Quantity().setValue(p.dose().stripTrailingZeros()).setUnit(p.doseUnit().label())
                .setSystem(UkCore.UCUM).setCode(ucum(p.doseUnit())));
        Timing timing = new Timing();
        Timing.TimingRepeatComponent repeat = timing.getRepeat();
        switch (p.frequency()) {
            case ONCE_DAILY, TWICE_DAILY, THREE_TIMES_DAILY, FOUR_TIMES_DAILY ->
                    repeat.setFrequency(p.frequency().timesPerDay()).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D);
            case EVERY_8_HOURS -> repeat.setFrequency(1).setPeriod(8).setPeriodUnit(Timing.UnitsOfTime.H);
            case EVERY_6_HOURS -> repeat.setFrequency(1).setPeriod(6).setPeriodUnit(Timing.UnitsOfTime.H);
            case EVERY_4_HOURS -> repeat.setFrequency(1).setPeriod(4).setPeriodUnit(Timing.UnitsOfTime.H);
            case CONTINUOUS, AS_REQUIRED -> {
                // no set times: given continuously, or when required
            }
        }
        p.times().forEach(t -> repeat.addTimeOfDay(t.format(FHIR_TIME)));
        if (repeat.hasFrequency() || repeat.hasTimeOfDay()) {
            dosage.setTiming(timing);
        }
        if (p.frequency() == Frequency.AS_REQUIRED) {
            dosage.setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(true));
        }
        return dosage;
    }

    /** The UCUM code of a dose unit: ug, mg, g, mL, L/min. */
    static String ucum(DoseUnit unit) {
        return switch (unit) {
            case MICROGRAM -> "ug";
            case MG -> "mg";
            case G -> "g";
            case ML -> "mL";
            case LITRES_PER_MINUTE -> "L/min";
        };
    }
}
