package org.homeward.observation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.homeward.observation.ObservationService;
import org.homeward.observation.Scale2Decision;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Observations", description = "Readings from devices, nurses, patients and carers")
class Scale2ApiController {

    private final ObservationService observations;

    Scale2ApiController(ObservationService observations) {
        this.observations = observations;
    }

    record Reason(String reason) {
    }

    @GetMapping("/api/v1/patients/{id}/spo2-scale-2")
    @Operation(summary = "The patient's NEWS2 SpO2 Scale 2 decisions, newest first; an active one has no endedAt")
    List<Scale2Decision> decisions(CurrentUser user, @PathVariable PatientId id) {
        return observations.scale2Decisions(user, id);
    }

    @PostMapping("/api/v1/patients/{id}/spo2-scale-2")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Document hypercapnic respiratory failure: the patient's SpO2 is scored on NEWS2 Scale 2 "
            + "from now on (senior decision-makers; adults; a reason)")
    Scale2Decision document(CurrentUser user, @PathVariable PatientId id, @RequestBody Reason body) {
        return observations.documentScale2(user, id, body == null ? null : body.reason());
    }

    @PostMapping("/api/v1/patients/{id}/spo2-scale-2/end")
    @Operation(summary = "End the patient's Scale 2 decision: sets from now on are scored on Scale 1")
    Scale2Decision end(CurrentUser user, @PathVariable PatientId id, @RequestBody Reason body) {
        return observations.endScale2(user, id, body == null ? null : body.reason());
    }
}
