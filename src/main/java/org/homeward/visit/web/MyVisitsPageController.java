package org.homeward.visit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ScoredSet;
import org.homeward.security.CurrentUser;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RefusedException;
import org.homeward.visit.MyVisit;
import org.homeward.visit.RecordVisit;
import org.homeward.visit.VisitOutcome;
import org.homeward.visit.VisitRecordService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A visiting nurse's day on a phone: their visits in order with address, time and what for; at each visit, arrived
 * and leaving (outcome, what was given, notes) in two taps; and what the latest re-plan changed for them.
 */
@Controller
class MyVisitsPageController {

    private final VisitRecordService records;
    private final ObservationService observations;
    private final Clock clock;
    private final org.homeward.patient.PatientService patients;
    private final org.homeward.medication.AdministrationService doses;
    private final org.homeward.diagnostics.DiagnosticsService diagnostics;

    MyVisitsPageController(VisitRecordService records, ObservationService observations, Clock clock,
            org.homeward.patient.PatientService patients, org.homeward.medication.AdministrationService doses,
            org.homeward.diagnostics.DiagnosticsService diagnostics) {
        this.doses = doses;
        this.diagnostics = diagnostics;
        this.patients = patients;
        this.records = records;
        this.observations = observations;
        this.clock = clock;
    }

    /** The leaving form. */
    record LeavingForm(VisitOutcome outcome, String given, String notes) {
    }

    @GetMapping("/my-visits")
    String list(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate date, Model model) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        List<MyVisit> visits = records.myVisits(user, day);
        model.addAttribute("date", day);
        model.addAttribute("visits", visits);
        org.homeward.visit.MyPlanChanges changes = records.myChanges(user, day);
        model.addAttribute("changes", changes);
        model.addAttribute("names", patients.visibleSummaries(user, changes.changes().stream()
                .map(org.homeward.visit.MyPlanChange::patientId).collect(java.util.stream.Collectors.toSet())).stream()
                .collect(java.util.stream.Collectors.toMap(org.homeward.patient.PatientSummary::id,
                        org.homeward.patient.PatientSummary::displayName)));
        return "visit/mine";
    }

    /** Marks the changes shown read, up to the plan version shown: they stay hidden on every device until a new one. */
    @PostMapping("/my-visits/changes/read")
    String changesRead(CurrentUser user, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam int version, RedirectAttributes redirect) {
        records.markChangesRead(user, date, version);
        redirect.addFlashAttribute("message", "Changes marked as read");
        return "redirect:/my-visits?date=" + date;
    }

    @GetMapping("/my-visits/visit")
    String visit(CurrentUser user, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String id, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LeavingForm(null, null, null));
        }
        MyVisit item = records.visit(user, date, id);
        model.addAttribute("date", date);
        model.addAttribute("item", item);
        model.addAttribute("observed", observedAt(user, item));
        model.addAttribute("doses", dosesAt(item));
        model.addAttribute("tests", item.record() == null ? List.of() : diagnostics.takenAtVisit(user,
                item.visit().patientId(), new org.homeward.diagnostics.VisitReference(date, id)));
        model.addAttribute("outcomes", VisitOutcome.values());
        return "visit/my-visit";
    }

    @PostMapping("/my-visits/arrive")
    String arrive(CurrentUser user, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String id, RedirectAttributes redirect) {
        try {
            records.arrive(user, date, id, null);
            redirect.addFlashAttribute("message", "Arrival recorded");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:" + visitPage(date, id);
    }

    @PostMapping("/my-visits/leave")
    String leave(CurrentUser user, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam String id, @ModelAttribute("form") LeavingForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        try {
            records.depart(user, date, id, new RecordVisit(form.outcome(), form.given(), form.notes(), null));
            redirect.addFlashAttribute("message", "Visit recorded: " + form.outcome().label());
            return "redirect:/my-visits?date=" + date;
        } catch (InvalidInputException | RefusedException e) {
            FormErrors.add(errors, e);
        }
        return visit(user, date, id, model);
    }

    /** The observation sets recorded while the visit was under way: what the visit fed into the chart. */
    private List<ScoredSet> observedAt(CurrentUser user, MyVisit item) {
        if (item.record() == null) {
            return List.of();
        }
        Instant from = item.record().arrivedAt();
        Instant to = item.record().underWay() ? clock.instant() : item.record().departedAt();
        return observations.history(user, item.visit().patientId(), 2).stream()
                .filter(set -> !set.takenAt().isBefore(from) && !set.takenAt().isAfter(to)).toList();
    }

    /**
     * The charted doses recorded while the visit was under way: what was given at it, from the administration
     * records (the free-text field stays for what is not a charted medicine).
     */
    private List<org.homeward.medication.Administration> dosesAt(MyVisit item) {
        if (item.record() == null) {
            return List.of();
        }
        Instant to = item.record().underWay() ? clock.instant() : item.record().departedAt();
        return doses.recordedBetween(item.visit().patientId(), item.record().arrivedAt(), to);
    }

    private static String visitPage(LocalDate date, String id) {
        return UriComponentsBuilder.fromPath("/my-visits/visit").queryParam("date", date).queryParam("id", id)
                .encode().build().toUriString();
    }
}
