package org.homeward.careplan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.homeward.careplan.CareAndSupportPlan;
import org.homeward.careplan.CarePlanVersion;
import org.homeward.careplan.ChangeAdvanceCarePlan;
import org.homeward.careplan.ChangeSupportPlan;
import org.homeward.careplan.SupportPlanService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A patient's personalised care and support plan and advance care plan, each change kept as a version. */
@RestController
@Tag(name = "Care and support plan", description = "What matters to the patient, goals, reasonable adjustments, "
        + "holistic needs, the carer's assessment, ReSPECT, DNACPR, preferred places and last weeks of life")
class SupportPlanApiController {

    private final SupportPlanService plans;

    SupportPlanApiController(SupportPlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/patients/{id}/care-plan")
    @Operation(summary = "The patient's care and support plan and advance care plan as they stand, with their version "
            + "(0 when nothing is recorded) and the resuscitation status the banner and alerts show; any organisation "
            + "in the care team")
    CareAndSupportPlan plan(CurrentUser user, @PathVariable PatientId id) {
        return plans.plan(user, id);
    }

    @PutMapping("/api/v1/patients/{id}/care-plan/support-plan")
    @Operation(summary = "Replace the care and support plan (what matters, goals, agreed with, reasonable adjustments, "
            + "holistic needs, carer's assessment), naming the version it was read at: a stale version is refused "
            + "with 409 (clinicians and senior decision-makers)")
    CareAndSupportPlan changeSupportPlan(CurrentUser user, @PathVariable PatientId id,
            @RequestBody ChangeSupportPlan command) {
        return plans.changeSupportPlan(user, id, command);
    }

    @PutMapping("/api/v1/patients/{id}/care-plan/advance-care-plan")
    @Operation(summary = "Replace the advance care plan (ReSPECT recommendations, DNACPR decision with who and when, "
            + "preferred places of care and death, last weeks of life), naming the version it was read at: a stale "
            + "version is refused with 409. Changing the DNACPR decision or the ReSPECT CPR recommendation needs a "
            + "senior decision-maker (403 otherwise)")
    CareAndSupportPlan changeAdvanceCarePlan(CurrentUser user, @PathVariable PatientId id,
            @RequestBody ChangeAdvanceCarePlan command) {
        return plans.changeAdvanceCarePlan(user, id, command);
    }

    @GetMapping("/api/v1/patients/{id}/care-plan/history")
    @Operation(summary = "Every change of the plan, newest first: who, from which organisation, when, and each field "
            + "from and to")
    List<CarePlanVersion> history(CurrentUser user, @PathVariable PatientId id) {
        return plans.history(user, id);
    }
}
