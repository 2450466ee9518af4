package org.homeward.patient.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.homeward.patient.AddToCareTeam;
import org.homeward.patient.BreakGlassAccess;
import org.homeward.patient.CareTeamMember;
import org.homeward.patient.OpenBreakGlass;
import org.homeward.patient.PatientService;
import org.homeward.patient.RemoveFromCareTeam;
import org.homeward.security.CurrentUser;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Care team", description = "Who shares a patient's care, and break-glass access outside it")
class CareTeamApiController {

    private final PatientService patients;

    CareTeamApiController(PatientService patients) {
        this.patients = patients;
    }

    @GetMapping("/patients/{id}/care-team")
    @Operation(summary = "The organisations in the patient's care team, why, since when and by whom")
    List<CareTeamMember> careTeam(CurrentUser user, @PathVariable PatientId id) {
        return patients.careTeam(user, id);
    }

    @PostMapping("/patients/{id}/care-team")
    @Operation(summary = "Add an organisation to the patient's care team with a reason (senior decision-makers)")
    ResponseEntity<List<CareTeamMember>> add(CurrentUser user, @PathVariable PatientId id,
            @Valid @RequestBody AddToCareTeam body) {
        return ResponseEntity.status(201).body(patients.addToCareTeam(user, id, body));
    }

    @PostMapping("/patients/{id}/care-team/{organisationId}/removal")
    @Operation(summary = "Remove an organisation from the patient's care team with a reason (senior decision-makers)")
    List<CareTeamMember> remove(CurrentUser user, @PathVariable PatientId id, @PathVariable OrganisationId organisationId,
            @Valid @RequestBody RemoveFromCareTeam body) {
        return patients.removeFromCareTeam(user, id, organisationId, body);
    }

    @PostMapping("/break-glass")
    @Operation(summary = "Open a record outside your organisation's care team for a stated relationship, for 4 hours;"
            + " audited and flagged to governance")
    ResponseEntity<BreakGlassAccess> breakGlass(CurrentUser user, @Valid @RequestBody OpenBreakGlass body) {
        return ResponseEntity.status(201).body(patients.breakGlass(user, body));
    }

    @GetMapping("/break-glass")
    @Operation(summary = "Break-glass openings for governance review (governance leads)")
    List<BreakGlassAccess> breakGlassForGovernance(CurrentUser user) {
        return patients.breakGlassForGovernance(user);
    }
}
