package org.homeward.medication.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.homeward.medication.Allergy;
import org.homeward.medication.AllergyService;
import org.homeward.medication.ChangePrescription;
import org.homeward.medication.FormularyEntry;
import org.homeward.medication.FormularyService;
import org.homeward.medication.MedicinesChart;
import org.homeward.medication.NoKnownAllergies;
import org.homeward.medication.PatientAllergies;
import org.homeward.medication.Prescribe;
import org.homeward.medication.Prescription;
import org.homeward.medication.PrescriptionService;
import org.homeward.medication.RecordAllergy;
import org.homeward.medication.RecordWeight;
import org.homeward.medication.SaveFormularyEntry;
import org.homeward.medication.ScreenPrescription;
import org.homeward.medication.StopPrescription;
import org.homeward.medication.Weight;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Allergies, weights, the formulary, prescriptions for home and the pharmacist's screening. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Medicines", description = "Allergies and adverse reactions (and no known allergies as a recorded "
        + "statement), weights, the service's formulary, prescribing for home with its checks, and the pharmacist's "
        + "screening. Read by every organisation in the patient's care team; nothing is deleted")
class MedicationApiController {

    /** A reason given with an action (entering an allergy in error). */
    record Reason(String reason) {
    }

    private final AllergyService allergies;
    private final FormularyService formulary;
    private final PrescriptionService prescriptions;

    MedicationApiController(AllergyService allergies, FormularyService formulary, PrescriptionService prescriptions) {
        this.allergies = allergies;
        this.formulary = formulary;
        this.prescriptions = prescriptions;
    }

    @GetMapping("/patients/{id}/allergies")
    @Operation(summary = "The patient's allergies: status (not recorded, no known allergies, allergies recorded), "
            + "the allergies in force, those entered in error, and the statement of no known allergies in force")
    PatientAllergies allergiesOf(CurrentUser user, @PathVariable PatientId id) {
        return allergies.allergiesOf(user, id);
    }

    @PostMapping("/patients/{id}/allergies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an allergy or adverse reaction (clinicians, seniors, pharmacists in the care team)",
            description = "substance, reaction, severity, certainty and kind are required; formularyEntryId and "
                    + "substanceClass are optional (a substance naming a class such as penicillins gets that class). "
                    + "A statement of no known allergies in force is superseded.")
    Allergy record(CurrentUser user, @PathVariable PatientId id, @RequestBody RecordAllergy body) {
        return allergies.record(user, id, body);
    }

    @PostMapping("/patients/{id}/no-known-allergies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the patient has no known allergies (refused with 409 while an allergy is in "
            + "force)")
    NoKnownAllergies noKnownAllergies(CurrentUser user, @PathVariable PatientId id) {
        return allergies.recordNoKnownAllergies(user, id);
    }

    @PostMapping("/allergies/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Correct an allergy: the whole allergy as it should read, with a reason; earlier version kept")
    Allergy correct(CurrentUser user, @PathVariable UUID id, @RequestBody RecordAllergy body) {
        return allergies.correct(user, id, body);
    }

    @PostMapping("/allergies/{id}/entered-in-error")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mark an allergy entered in error, with a reason: kept and shown, no longer checked")
    Allergy enteredInError(CurrentUser user, @PathVariable UUID id, @RequestBody Reason body) {
        return allergies.enterInError(user, id, body == null ? null : body.reason());
    }

    @GetMapping("/allergies/{id}/history")
    @Operation(summary = "Every version of an allergy, first first")
    List<Allergy> allergyHistory(CurrentUser user, @PathVariable UUID id) {
        return allergies.history(user, id);
    }

    @GetMapping("/patients/{id}/weights")
    @Operation(summary = "The patient's weights, latest measured first")
    List<Weight> weights(CurrentUser user, @PathVariable PatientId id) {
        return allergies.weightsOf(user, id);
    }

    @PostMapping("/patients/{id}/weights")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a weight in kg (measuredOn defaults to today and must not be in the future); a "
            + "child's dose is checked against a weight from the last 7 days")
    Weight recordWeight(CurrentUser user, @PathVariable PatientId id, @RequestBody RecordWeight body) {
        return allergies.recordWeight(user, id, body);
    }

    @GetMapping("/formulary")
    @Operation(summary = "The service's formulary, by name, each entry as its newest version reads")
    List<FormularyEntry> formulary(CurrentUser user) {
        return formulary.formulary(user);
    }

    @PostMapping("/formulary")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a medicine to the formulary (pharmacists, administrators)", description = "A dm+d code "
            + "needs dmdSource, where it comes from; dose ranges per administration in doseUnit; the child range in "
            + "mg per kg")
    FormularyEntry add(CurrentUser user, @RequestBody SaveFormularyEntry body) {
        return formulary.add(user, body);
    }

    @PutMapping("/formulary/{id}")
    @Operation(summary = "Change a formulary entry: the whole entry as it should read, with a reason; a new version")
    FormularyEntry change(CurrentUser user, @PathVariable UUID id, @RequestBody SaveFormularyEntry body) {
        return formulary.change(user, id, body);
    }

    @GetMapping("/formulary/{id}/history")
    @Operation(summary = "Every version of a formulary entry, first first")
    List<FormularyEntry> formularyHistory(CurrentUser user, @PathVariable UUID id) {
        return formulary.history(user, id);
    }

    @GetMapping("/patients/{id}/prescriptions")
    @Operation(summary = "The patient's medicines chart: allergies, active prescriptions with any antimicrobial review "
            + "prompt, and stopped ones")
    MedicinesChart chart(CurrentUser user, @PathVariable PatientId id) {
        return prescriptions.chart(user, id);
    }

    @PostMapping("/patients/{id}/prescriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Prescribe for home (prescribers; the patient admitted and in their care)", description =
            "formularyEntryId, dose, doseUnit, route (one the entry allows), frequency, times (as many as the "
            + "frequency takes) and indication are required. Refused with 400 naming the field: allergies not "
            + "recorded (allergies), a child without a weight of the last 7 days (weight), and, unless confirmed in "
            + "overrides with a reason, an allergy conflict or duplicate (formularyEntryId) and a dose outside the "
            + "range (dose). An antimicrobial's reviewOn must be 48-72 hours after the start (default 48 hours).")
    Prescription prescribe(CurrentUser user, @PathVariable PatientId id, @RequestBody Prescribe body) {
        return prescriptions.prescribe(user, id, body);
    }

    @GetMapping("/prescriptions/{id}")
    @Operation(summary = "One prescription")
    Prescription prescription(CurrentUser user, @PathVariable UUID id) {
        return prescriptions.prescription(user, id);
    }

    @PostMapping("/prescriptions/{id}/stop")
    @Operation(summary = "Stop a prescription with a reason; it is read-only from then on")
    Prescription stop(CurrentUser user, @PathVariable UUID id, @RequestBody StopPrescription body) {
        return prescriptions.stop(user, id, body);
    }

    @PostMapping("/prescriptions/{id}/change")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Change a prescription: stops it with the reason and writes the new one, linked; answers "
            + "with the new prescription")
    Prescription change(CurrentUser user, @PathVariable UUID id, @RequestBody ChangePrescription body) {
        return prescriptions.change(user, id, body);
    }

    @PostMapping("/prescriptions/{id}/screening")
    @Operation(summary = "Screen a prescription as a pharmacist: SCREENED (completes the worklist task) or QUERIED "
            + "with a note for the prescriber")
    Prescription screen(CurrentUser user, @PathVariable UUID id, @RequestBody ScreenPrescription body) {
        return prescriptions.screen(user, id, body);
    }
}
