package org.homeward.visit.web;

import java.time.Clock;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.homeward.shared.Skill;
import org.homeward.visit.DayPlanService;
import org.homeward.visit.ReplanOutcome;
import org.homeward.visit.RequestUrgentVisit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Asking for an urgent home visit for a patient (from their record, or from an alert answered with a visit): the day
 * is re-planned at once and the answer says who goes and when.
 */
@Controller
class UrgentVisitPageController {

    private final DayPlanService dayPlans;
    private final PatientService patients;
    private final Clock clock;

    UrgentVisitPageController(DayPlanService dayPlans, PatientService patients, Clock clock) {
        this.dayPlans = dayPlans;
        this.patients = patients;
        this.clock = clock;
    }

    /** The form; {@code withinMinutes} is chosen from a short list. */
    record UrgentForm(InterventionKind kind, String description, Integer withinMinutes, Skill skill, String reason,
            UUID alertId) {
    }

    @GetMapping("/patients/{id}/urgent-visit")
    String form(CurrentUser user, @org.springframework.web.bind.annotation.PathVariable PatientId id,
            @RequestParam(required = false) UUID alertId, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UrgentForm(InterventionKind.REVIEW, null, 120, null, null, alertId));
        }
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("kinds", InterventionKind.values());
        model.addAttribute("skills", Skill.values());
        model.addAttribute("withinChoices", java.util.List.of(30, 60, 120, 240, 480));
        return "visit/urgent";
    }

    @PostMapping("/patients/{id}/urgent-visit")
    String request(CurrentUser user, @org.springframework.web.bind.annotation.PathVariable PatientId id,
            @ModelAttribute("form") UrgentForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            ReplanOutcome outcome = dayPlans.requestUrgentVisit(user, new RequestUrgentVisit(id, form.kind(),
                    form.description(), null, form.skill(), form.withinMinutes(), form.reason(), form.alertId()));
            redirect.addFlashAttribute("message", message(outcome));
            // the asker sees the plan it went into when it is their own team's; otherwise the patient they asked for
            return outcome.team().equals(user.organisationId()) ? "redirect:/visits" : "redirect:/patients/" + id;
        } catch (InvalidInputException | RefusedException e) {
            FormErrors.add(errors, e);
        }
        return form(user, id, form.alertId(), model);
    }

    /** The answer: who goes and when, or that the team must be phoned, and any visit pushed out of its window. */
    private String message(ReplanOutcome outcome) {
        String answer = outcome.answer();
        if (!outcome.urgentVisitInTime()) {
            return "Urgent visit recorded, but " + Character.toLowerCase(answer.charAt(0)) + answer.substring(1);
        }
        String planned = "Urgent visit planned: " + outcome.visit().staffName() + " at "
                + outcome.visit().startsAt().atZone(clock.getZone()).toLocalTime().withSecond(0).withNano(0)
                + " (plan version " + outcome.plan().version() + ", " + outcome.otherVisitsMoved().size()
                + " other visit(s) moved)";
        int pushed = answer.indexOf(" It pushes ");
        return pushed < 0 ? planned : planned + "." + answer.substring(pushed);
    }
}
