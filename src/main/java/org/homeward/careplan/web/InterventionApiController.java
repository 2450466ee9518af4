package org.homeward.careplan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.homeward.careplan.AddIntervention;
import org.homeward.careplan.CarePlanService;
import org.homeward.careplan.Intervention;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The interventions on a patient's plan; the API kept its paths and "Visits" tag when it left the visit module. */
@RestController
@Tag(name = "Visits", description = "Interventions on a patient's plan and the home visits they call for")
class InterventionApiController {

    private final CarePlanService carePlans;

    InterventionApiController(CarePlanService carePlans) {
        this.carePlans = carePlans;
    }

    @PostMapping("/api/v1/patients/{id}/interventions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an intervention (IV dose 8-hourly, bloods before the lab cut-off, ...) to an admitted "
            + "patient's plan: times of day with a tolerance, or a window; optional follow-up with a min/max gap")
    Intervention add(CurrentUser user, @PathVariable PatientId id, @RequestBody AddIntervention command) {
        return carePlans.addIntervention(user, id, command);
    }

    @GetMapping("/api/v1/patients/{id}/interventions")
    @Operation(summary = "The patient's interventions, ended ones included")
    List<Intervention> plan(CurrentUser user, @PathVariable PatientId id) {
        return carePlans.interventions(user, id);
    }

    @PostMapping("/api/v1/interventions/{id}/end")
    @Operation(summary = "End an intervention: no visits for it after today")
    Intervention end(CurrentUser user, @PathVariable UUID id) {
        return carePlans.endIntervention(user, id);
    }
}
