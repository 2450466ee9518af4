package org.homeward.escalation.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertView;
import org.homeward.escalation.ResponseAction;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.security.CurrentUser;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The live alert board: open alerts, most severe first, updated by server-sent events without a manual refresh. */
@Controller
class AlertBoardController {

    private final AlertService alerts;
    private final PatientService patients;
    private final WardService wards;
    private final AlertStream stream;
    private final Clock clock;

    AlertBoardController(AlertService alerts, PatientService patients, WardService wards, AlertStream stream,
            Clock clock) {
        this.alerts = alerts;
        this.patients = patients;
        this.wards = wards;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping("/alerts")
    String board(CurrentUser user, @RequestParam(required = false) WardId wardId, Model model) {
        model.addAttribute("wardList", wards.wards());
        model.addAttribute("wardId", wardId);
        model.addAttribute("wardName", wardId == null ? null : wards.ward(wardId).name());
        return rows(user, wardId, model, "escalation/board");
    }

    @GetMapping("/alerts/rows")
    String rows(CurrentUser user, @RequestParam(required = false) WardId wardId, Model model) {
        return rows(user, wardId, model, "escalation/board :: rows");
    }

    @GetMapping("/alerts/count")
    @ResponseBody
    String count(CurrentUser user, @RequestParam(required = false) WardId wardId) {
        return String.valueOf(alerts.openAlertCount(user, wardId));
    }

    @GetMapping(value = "/alerts/stream", produces = "text/event-stream")
    @ResponseBody
    SseEmitter stream() {
        return stream.open();
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) WardId wardId,
            RedirectAttributes redirect) {
        return act(() -> alerts.acknowledge(user, id), "Alert acknowledged", wardId, redirect);
    }

    @PostMapping("/alerts/{id}/response")
    String respond(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) ResponseAction action,
            @RequestParam(required = false) String note, @RequestParam(required = false) WardId wardId,
            RedirectAttributes redirect) {
        return act(() -> alerts.respond(user, id, action, note), "Response recorded", wardId, redirect);
    }

    @PostMapping("/alerts/{id}/close")
    String close(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) WardId wardId,
            RedirectAttributes redirect) {
        return act(() -> alerts.close(user, id), "Alert closed", wardId, redirect);
    }

    private String rows(CurrentUser user, WardId wardId, Model model, String view) {
        List<AlertView> open = alerts.openAlerts(user, wardId);
        Map<PatientId, PatientSummary> names = patients.visibleSummaries(user,
                open.stream().map(AlertView::patientId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(PatientSummary::id, Function.identity()));
        model.addAttribute("alerts", open);
        model.addAttribute("patients", names);
        model.addAttribute("wards", wards.wards().stream().collect(Collectors.toMap(VirtualWard::id, Function.identity())));
        model.addAttribute("now", clock.instant());
        model.addAttribute("actions", ResponseAction.values());
        model.addAttribute("wardId", wardId);
        return view;
    }

    private static String act(Runnable action, String done, WardId wardId, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInputException | RefusedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/alerts" + (wardId == null ? "" : "?wardId=" + wardId);
    }
}
