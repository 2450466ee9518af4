package org.homeward.escalation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.homeward.escalation.EscalationPolicy;
import org.homeward.escalation.EscalationPolicyService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Escalation policy", description = "When NEWS2 raises an alert: ward policy and per-patient tightening")
class EscalationPolicyApiController {

    private final EscalationPolicyService policies;

    EscalationPolicyApiController(EscalationPolicyService policies) {
        this.policies = policies;
    }

    record Threshold(Integer news2AlertFromTotal, String reason) {
    }

    @PutMapping("/api/v1/wards/{id}/escalation-policy")
    @Operation(summary = "Tighten the NEWS2 total from which a ward's patients raise an alert: lower than the ward's threshold now, with a reason (senior decision-makers)")
    EscalationPolicy setWardPolicy(CurrentUser user, @PathVariable WardId id, @RequestBody Threshold body) {
        return policies.setWardPolicy(user, id, body.news2AlertFromTotal(), body.reason());
    }

    @GetMapping("/api/v1/wards/{id}/escalation-policy")
    @Operation(summary = "The NEWS2 total from which a ward's patients raise an alert: its policy or the national default")
    EscalationPolicy wardPolicy(@PathVariable WardId id) {
        return policies.wardPolicy(id);
    }

    @GetMapping("/api/v1/patients/{id}/escalation-policy")
    @Operation(summary = "The NEWS2 alert threshold in force for a patient and where it comes from")
    EscalationPolicy policy(CurrentUser user, @PathVariable PatientId id) {
        return policies.policyFor(user, id);
    }

    @GetMapping("/api/v1/patients/{id}/escalation-policy/history")
    @Operation(summary = "Every override the patient has had: who, when, why, and who ended it")
    List<String> history(CurrentUser user, @PathVariable PatientId id) {
        return policies.overrideHistory(user, id);
    }

    @PostMapping("/api/v1/patients/{id}/escalation-override")
    @Operation(summary = "Tighten the patient's NEWS2 alert threshold below their ward's, with a reason (senior decision-makers)")
    EscalationPolicy tighten(CurrentUser user, @PathVariable PatientId id, @RequestBody Threshold body) {
        return policies.tighten(user, id, body.news2AlertFromTotal(), body.reason());
    }

    @DeleteMapping("/api/v1/patients/{id}/escalation-override")
    @Operation(summary = "End the patient's override; their ward's policy applies again")
    EscalationPolicy end(CurrentUser user, @PathVariable PatientId id) {
        return policies.endOverride(user, id);
    }
}
