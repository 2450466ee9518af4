package org.homeward.escalation.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.careplan.SupportPlanService;
import org.homeward.escalation.AlertFilter;
import org.homeward.escalation.AlertHistory;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertSeverity;
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

/**
 * The live alert board: open alerts, most severe first, filtered by ward and severity (query parameters, so filters
 * work without JavaScript), updated row by row by server-sent events; and the history of closed alerts.
 */
@Controller
class AlertBoardController {

    private final AlertService alerts;
    private final PatientService patients;
    private final WardService wards;
    private final AlertStream stream;
    private final SupportPlanService carePlans;
    private final Clock clock;

    AlertBoardController(AlertService alerts, PatientService patients, WardService wards, AlertStream stream,
            SupportPlanService carePlans, Clock clock) {
        this.alerts = alerts;
        this.carePlans = carePlans;
        this.patients = patients;
        this.wards = wards;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping("/alerts")
    String board(CurrentUser user, @RequestParam(required = false) WardId wardId,
            @RequestParam(required = false) List<AlertSeverity> severity, Model model) {
        AlertFilter filter = AlertFilter.of(wardId, severity);
        filterModel(filter, model);
        return rows(user, filter, alerts.openAlerts(user, filter), model, "escalation/board");
    }

    /** Every row of the board under the filter: what a board re-reads after (re)connecting. */
    @GetMapping("/alerts/rows")
    String rows(CurrentUser user, @RequestParam(required = false) WardId wardId,
            @RequestParam(required = false) List<AlertSeverity> severity, Model model) {
        AlertFilter filter = AlertFilter.of(wardId, severity);
        return rows(user, filter, alerts.openAlerts(user, filter), model, "escalation/board-parts :: changes");
    }

    /**
     * The rows of these alerts that the board shows (still open, visible to the user, matching the filter); a board
     * removes the row of any named alert not among them.
     */
    @GetMapping("/alerts/changes")
    String changes(CurrentUser user, @RequestParam List<UUID> ids, @RequestParam(required = false) WardId wardId,
            @RequestParam(required = false) List<AlertSeverity> severity, Model model) {
        if (ids.size() > AlertStream.MOST_IDS_PER_EVENT) {
            throw new InvalidInputException("ids", "ask for at most " + AlertStream.MOST_IDS_PER_EVENT
                    + " alerts at once (" + ids.size() + " asked for); read /alerts/rows for the whole board");
        }
        AlertFilter filter = AlertFilter.of(wardId, severity);
        return rows(user, filter, alerts.openAlertsAmong(user, Set.copyOf(ids), filter), model,
                "escalation/board-parts :: changes");
    }

    @GetMapping("/alerts/history")
    String history(CurrentUser user, @RequestParam(required = false) WardId wardId,
            @RequestParam(required = false) List<AlertSeverity> severity,
            @RequestParam(required = false, defaultValue = "1") int page, Model model) {
        AlertFilter filter = AlertFilter.of(wardId, severity);
        filterModel(filter, model);
        AlertHistory history = alerts.closedAlerts(user, filter, page);
        model.addAttribute("history", history);
        model.addAttribute("patients", names(user, history.alerts()));
        model.addAttribute("wards", wardsById());
        model.addAttribute("words", new BoardWords(clock));
        model.addAttribute("filter", filter);
        model.addAttribute("query", query(filter));
        return "escalation/history";
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
            @RequestParam(required = false) List<AlertSeverity> severity, RedirectAttributes redirect) {
        return act(() -> alerts.acknowledge(user, id), "Alert acknowledged", AlertFilter.of(wardId, severity), redirect);
    }

    @PostMapping("/alerts/{id}/response")
    String respond(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) ResponseAction action,
            @RequestParam(required = false) String note, @RequestParam(required = false) WardId wardId,
            @RequestParam(required = false) List<AlertSeverity> severity, RedirectAttributes redirect) {
        return act(() -> alerts.respond(user, id, action, note), "Response recorded", AlertFilter.of(wardId, severity),
                redirect);
    }

    @PostMapping("/alerts/{id}/close")
    String close(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) WardId wardId,
            @RequestParam(required = false) List<AlertSeverity> severity, RedirectAttributes redirect) {
        return act(() -> alerts.close(user, id), "Alert closed", AlertFilter.of(wardId, severity), redirect);
    }

    private void filterModel(AlertFilter filter, Model model) {
        model.addAttribute("wardList", wards.wards());
        model.addAttribute("wardName", filter.ward() == null ? null : wards.ward(filter.ward()).name());
        model.addAttribute("severities", List.of(AlertSeverity.EMERGENCY, AlertSeverity.HIGH, AlertSeverity.MEDIUM,
                AlertSeverity.LOW));
    }

    private String rows(CurrentUser user, AlertFilter filter, List<AlertView> shown, Model model, String view) {
        Map<PatientId, PatientSummary> names = names(user, shown);
        model.addAttribute("alerts", shown);
        model.addAttribute("patients", names);
        // the DNACPR decision and ReSPECT recommendations of the patients the user may see, on their alerts' rows
        model.addAttribute("resuscitation", carePlans.resuscitationStatuses(names.keySet()));
        model.addAttribute("wards", wardsById());
        model.addAttribute("words", new BoardWords(clock));
        model.addAttribute("actions", ResponseAction.values());
        model.addAttribute("filter", filter);
        model.addAttribute("query", query(filter));
        model.addAttribute("counts", alerts.openAlertCounts(user, filter));
        return view;
    }

    private Map<PatientId, PatientSummary> names(CurrentUser user, List<AlertView> shown) {
        if (shown.isEmpty()) {
            return Map.of();
        }
        return patients.visibleSummaries(user, shown.stream().map(AlertView::patientId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(PatientSummary::id, Function.identity()));
    }

    private Map<WardId, VirtualWard> wardsById() {
        return wards.wards().stream().collect(Collectors.toMap(VirtualWard::id, Function.identity()));
    }

    /** The filter as a query string (empty, or ?wardId=...&severity=HIGH), kept by every link, form and redirect. */
    static String query(AlertFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.ward() != null) {
            parts.add("wardId=" + filter.ward().value());
        }
        filter.severities().stream().sorted(Comparator.reverseOrder()).forEach(s -> parts.add("severity=" + s.name()));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String act(Runnable action, String done, AlertFilter filter, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInputException | RefusedException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/alerts" + query(filter);
    }
}
