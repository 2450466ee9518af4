package org.homeward.escalation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.homeward.escalation.MonitoringService;
import org.homeward.escalation.QuietHours;
import org.homeward.escalation.SetQuietHours;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Escalation", description = "Alerts, escalation policy and monitoring at home")
class QuietHoursApiController {

    private final MonitoringService monitoring;

    QuietHoursApiController(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @PutMapping("/api/v1/patients/{id}/quiet-hours")
    @Operation(summary = "Set a patient's quiet hours (HH:mm to HH:mm, at most 12 hours, with a reason): no set is "
            + "expected in them, so no missed-reading alert fires, and the next set is due when they end. They do not "
            + "hold while the patient's score calls for sets more often than 4-hourly.")
    QuietHours set(CurrentUser user, @PathVariable PatientId id, @RequestBody SetQuietHours body) {
        return monitoring.setQuietHours(user, id, body);
    }

    @GetMapping("/api/v1/patients/{id}/quiet-hours")
    @Operation(summary = "A patient's quiet hours; 204 when none are set (readings are expected day and night)")
    ResponseEntity<QuietHours> get(CurrentUser user, @PathVariable PatientId id) {
        return monitoring.quietHours(user, id).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/api/v1/patients/{id}/quiet-hours")
    @Operation(summary = "End a patient's quiet hours")
    ResponseEntity<Void> end(CurrentUser user, @PathVariable PatientId id) {
        monitoring.endQuietHours(user, id);
        return ResponseEntity.noContent().build();
    }
}
