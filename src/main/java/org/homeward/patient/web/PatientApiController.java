package org.homeward.patient.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.homeward.patient.AddCarer;
import org.homeward.patient.Carer;
import org.homeward.patient.CorrectAddress;
import org.homeward.patient.CorrectCarer;
import org.homeward.patient.CorrectDemographics;
import org.homeward.patient.CorrectGpPractice;
import org.homeward.patient.CorrectLocation;
import org.homeward.patient.Correction;
import org.homeward.patient.PatientChange;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.patient.RegisterPatient;
import org.homeward.security.CurrentUser;
import org.homeward.shared.CarerId;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.PatientId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patients")
@Tag(name = "Patients", description = "Demographics, carers and care team")
class PatientApiController {

    private final PatientService patients;

    PatientApiController(PatientService patients) {
        this.patients = patients;
    }

    @PostMapping
    @Operation(summary = "Register a patient; the NHS number must be valid (Modulus 11) and not already registered")
    ResponseEntity<PatientRecord> register(CurrentUser user, @Valid @RequestBody RegisterPatient body) {
        PatientRecord record = patients.register(user, body);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + record.summary().id())).body(record);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A patient's record, if your organisation is in their care team")
    PatientRecord record(CurrentUser user, @PathVariable PatientId id) {
        return patients.record(user, id);
    }

    @GetMapping(params = "nhsNumber")
    @Operation(summary = "Find a patient by NHS number")
    PatientRecord byNhsNumber(CurrentUser user, @RequestParam String nhsNumber) {
        return patients.recordByNhsNumber(user, NhsNumber.of(nhsNumber));
    }

    @GetMapping(params = "q")
    @Operation(summary = "Search your organisation's patients by any part of the name (words in any order), NHS number with or without spaces, date of birth or postcode")
    List<PatientSummary> search(CurrentUser user, @RequestParam String q) {
        return patients.search(user, q);
    }

    @PutMapping("/{id}/demographics")
    @Operation(summary = "Correct names, date of birth, sex and ethnic category (not the NHS number); history kept and audited")
    Correction correctDemographics(CurrentUser user, @PathVariable PatientId id,
            @Valid @RequestBody CorrectDemographics body) {
        return patients.correctDemographics(user, id, body);
    }

    @PutMapping("/{id}/address")
    @Operation(summary = "Correct the address and phone; history kept and audited")
    Correction correctAddress(CurrentUser user, @PathVariable PatientId id, @Valid @RequestBody CorrectAddress body) {
        return patients.correctAddress(user, id, body);
    }

    @PutMapping("/{id}/location")
    @Operation(summary = "Set or correct the home's map location used by visit planning; history kept and audited")
    Correction correctLocation(CurrentUser user, @PathVariable PatientId id, @Valid @RequestBody CorrectLocation body) {
        return patients.correctLocation(user, id, body);
    }

    @PutMapping("/{id}/gp-practice")
    @Operation(summary = "Correct the GP practice; the GP organisation covering it joins the care team")
    Correction correctGpPractice(CurrentUser user, @PathVariable PatientId id,
            @Valid @RequestBody CorrectGpPractice body) {
        return patients.correctGpPractice(user, id, body);
    }

    @PutMapping("/{id}/carers/{carerId}")
    @Operation(summary = "Correct a carer's or parent's details; history kept and audited")
    Correction correctCarer(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID carerId,
            @Valid @RequestBody CorrectCarer body) {
        return patients.correctCarer(user, id, new CarerId(carerId), body);
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "The history of corrections to the patient's details, newest first")
    List<PatientChange> changes(CurrentUser user, @PathVariable PatientId id) {
        return patients.changes(user, id);
    }

    @PostMapping("/{id}/carers")
    @Operation(summary = "Add a carer or parent, saying whether they hold parental responsibility")
    ResponseEntity<Carer> addCarer(CurrentUser user, @PathVariable PatientId id, @Valid @RequestBody AddCarer body) {
        return ResponseEntity.status(201).body(patients.addCarer(user, id, body));
    }
}
