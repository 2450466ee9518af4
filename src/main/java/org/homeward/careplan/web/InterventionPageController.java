package org.homeward.careplan.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.homeward.careplan.AddIntervention;
import org.homeward.careplan.CarePlanService;
import org.homeward.careplan.Intervention;
import org.homeward.careplan.InterventionKind;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.homeward.shared.Skill;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A patient's home visit plan: the interventions that generate their visits, added and ended by the team. */
@Controller
class InterventionPageController {

    private final CarePlanService carePlans;
    private final PatientService patients;

    InterventionPageController(CarePlanService carePlans, PatientService patients) {
        this.carePlans = carePlans;
        this.patients = patients;
    }

    /** The add form: times of day as one comma-separated field, or a window. */
    record InterventionForm(InterventionKind kind, String description, Integer durationMinutes, Skill skill,
            Integer staffNeeded, String times, Integer toleranceMinutes, String windowFrom, String windowTo,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, InterventionKind followUpKind,
            Integer followUpMinGapMinutes, Integer followUpMaxGapMinutes) {

        AddIntervention command() {
            List<String> timesOfDay = times == null || times.isBlank() ? null
                    : Arrays.stream(times.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            AddIntervention.FollowUp followUp = followUpKind == null ? null
                    : new AddIntervention.FollowUp(followUpKind, null, followUpMinGapMinutes, followUpMaxGapMinutes);
            return new AddIntervention(kind, description, durationMinutes, skill, staffNeeded, timesOfDay,
                    toleranceMinutes, blankToNull(windowFrom), blankToNull(windowTo), startsOn, endsOn, followUp);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text;
        }
    }

    @GetMapping("/patients/{id}/visits")
    String plan(CurrentUser user, @PathVariable PatientId id, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new InterventionForm(null, null, null, null, 1, null, 30, null, null, null,
                    null, null, null, null));
        }
        model.addAttribute("patient", patients.record(user, id));
        List<Intervention> plan = carePlans.interventions(user, id);
        model.addAttribute("interventions", plan);
        model.addAttribute("kinds", InterventionKind.values());
        model.addAttribute("skills", Skill.values());
        return "careplan/plan";
    }

    @PostMapping("/patients/{id}/interventions")
    String add(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("form") InterventionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            Intervention added = carePlans.addIntervention(user, id, form.command());
            redirect.addFlashAttribute("message", added.kind().label() + " added to the visit plan");
            return "redirect:/patients/" + id + "/visits";
        } catch (InvalidInputException e) {
            FormErrors.add(errors, new InvalidInputException(formField(e.field()), e.getMessage()));
        } catch (RefusedException e) {
            FormErrors.add(errors, e);
        }
        return plan(user, id, model);
    }

    @PostMapping("/interventions/{id}/end")
    String end(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        Intervention ended = carePlans.endIntervention(user, id);
        redirect.addFlashAttribute("message", ended.kind().label() + " ended: no visits for it after today");
        return "redirect:/patients/" + ended.patientId() + "/visits";
    }

    /**
     * The service names the API's fields (an indexed time of day, or a follow-up's gap inside the follow-up object);
     * the form's fields are flat.
     */
    static String formField(String field) {
        if (field.startsWith("times[")) {
            return "times";
        }
        return switch (field) {
            case "followUp.kind" -> "followUpKind";
            case "followUp.minGapMinutes", "followUp.durationMinutes" -> "followUpMinGapMinutes";
            case "followUp.maxGapMinutes" -> "followUpMaxGapMinutes";
            default -> field;
        };
    }
}
