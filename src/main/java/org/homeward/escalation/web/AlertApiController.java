package org.homeward.escalation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertView;
import org.homeward.escalation.ResponseAction;
import org.homeward.notification.NotificationService;
import org.homeward.notification.NotificationView;
import org.homeward.security.CurrentUser;
import org.homeward.shared.WardId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "Early-warning alerts and their lifecycle")
class AlertApiController {

    private final AlertService alerts;
    private final NotificationService notifications;

    AlertApiController(AlertService alerts, NotificationService notifications) {
        this.alerts = alerts;
        this.notifications = notifications;
    }

    @GetMapping("/{id}/notifications")
    @Operation(summary = "Who was told about the alert, on which channel, and whether it was sent, delivered or failed")
    List<NotificationView> notifications(CurrentUser user, @PathVariable UUID id) {
        alerts.alert(user, id);
        return notifications.aboutAlert(id);
    }

    @GetMapping
    @Operation(summary = "Open alerts you may see, most severe first, then by response deadline")
    List<AlertView> open(CurrentUser user, @RequestParam(required = false) WardId wardId) {
        return alerts.openAlerts(user, wardId);
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge a raised alert")
    AlertView acknowledge(CurrentUser user, @PathVariable UUID id) {
        return alerts.acknowledge(user, id);
    }

    record Response(ResponseAction action, String note) {
    }

    @PostMapping("/{id}/response")
    @Operation(summary = "Record what was done (phone call, visit, advice, transfer to hospital)")
    AlertView respond(CurrentUser user, @PathVariable UUID id, @RequestBody Response body) {
        return alerts.respond(user, id, body.action(), body.note());
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close an alert that has been responded to")
    AlertView close(CurrentUser user, @PathVariable UUID id) {
        return alerts.close(user, id);
    }
}
