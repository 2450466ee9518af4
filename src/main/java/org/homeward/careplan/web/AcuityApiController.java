package org.homeward.careplan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.homeward.careplan.AcuityAssessment;
import org.homeward.careplan.AcuityService;
import org.homeward.careplan.AcuityTool;
import org.homeward.careplan.AcuityToolRow;
import org.homeward.careplan.AddAcuityToolRow;
import org.homeward.careplan.ChangeAcuityToolRow;
import org.homeward.careplan.RecordAcuityAssessment;
import org.homeward.careplan.WardAcuityCapacity;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Acuity and criteria to reside: the tool's rows, each patient's daily assessment and the wards' weighted capacity. */
@RestController
@Tag(name = "Acuity", description = "The acuity tool and criteria to reside (spec 3.11, 3.14): daily assessments, "
        + "levels, suggested visits a day and acuity-weighted ward capacity")
class AcuityApiController {

    private final AcuityService acuity;

    AcuityApiController(AcuityService acuity) {
        this.acuity = acuity;
    }

    @GetMapping("/api/v1/acuity-tool")
    @Operation(summary = "The acuity tool: its rows (interventions, professional input, condition, criteria to "
            + "reside; retired rows marked inactive) with their weights, and the level bands")
    AcuityTool tool() {
        return acuity.tool();
    }

    @PostMapping("/api/v1/acuity-tool/rows")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a row to the acuity tool (administrator), with the reason")
    AcuityToolRow addRow(CurrentUser user, @RequestBody AddAcuityToolRow command) {
        return acuity.addRow(user, command);
    }

    @PutMapping("/api/v1/acuity-tool/rows/{code}")
    @Operation(summary = "Reword, reweight, retire, restore or move a row (administrator), with the reason; past "
            + "assessments keep the row as they asked it")
    AcuityToolRow changeRow(CurrentUser user, @PathVariable String code, @RequestBody ChangeAcuityToolRow command) {
        return acuity.changeRow(user, code, command);
    }

    @PostMapping("/api/v1/patients/{id}/acuity-assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an admitted patient's acuity assessment: an answer (true or false) for every active "
            + "row by its code; optionally raise the level by judgement with a reason")
    AcuityAssessment assess(CurrentUser user, @PathVariable PatientId id, @RequestBody RecordAcuityAssessment command) {
        return acuity.assess(user, id, command);
    }

    @GetMapping("/api/v1/patients/{id}/acuity-assessments")
    @Operation(summary = "The patient's acuity assessments, newest first, each with the rows, words and weights it "
            + "was scored with")
    List<AcuityAssessment> assessments(CurrentUser user, @PathVariable PatientId id) {
        return acuity.assessments(user, id);
    }

    @GetMapping("/api/v1/acuity-capacity")
    @Operation(summary = "Every ward's acuity-weighted capacity today: numbers only")
    List<WardAcuityCapacity> capacity(CurrentUser user) {
        return acuity.capacity(user);
    }

    @GetMapping("/api/v1/wards/{id}/acuity-capacity")
    @Operation(summary = "One ward's acuity-weighted capacity today: numbers only")
    WardAcuityCapacity wardCapacity(CurrentUser user, @PathVariable WardId id) {
        return acuity.capacity(user, id);
    }
}
