package org.homeward.patient.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.homeward.patient.AddCarer;
import org.homeward.patient.Carer;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.patient.RegisterPatient;
import org.homeward.security.CurrentUser;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.PatientId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
    @Operation(summary = "Search your organisation's patients by name, NHS number or postcode")
    List<PatientSummary> search(CurrentUser user, @RequestParam String q) {
        return patients.search(user, q);
    }

    @PostMapping("/{id}/carers")
    @Operation(summary = "Add a carer or parent, saying whether they hold parental responsibility")
    ResponseEntity<Carer> addCarer(CurrentUser user, @PathVariable PatientId id, @Valid @RequestBody AddCarer body) {
        return ResponseEntity.status(201).body(patients.addCarer(user, id, body));
    }
}
