package org.homeward.escalation.web;

import org.homeward.escalation.MonitoringService;
import org.homeward.escalation.SetQuietHours;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A patient's quiet hours: shown on their record, set or ended by a clinician with a reason. */
@Controller
class QuietHoursPageController {

    private final MonitoringService monitoring;
    private final PatientService patients;

    QuietHoursPageController(MonitoringService monitoring, PatientService patients) {
        this.monitoring = monitoring;
        this.patients = patients;
    }

    /** What the form sends. */
    record QuietHoursForm(String startsAt, String endsAt, String reason) {
    }

    @GetMapping("/patients/{id}/quiet-hours/section")
    String section(CurrentUser user, @PathVariable PatientId id, Model model) {
        return page(user, id, model, "escalation/quiet-hours :: quietSection");
    }

    @GetMapping("/patients/{id}/quiet-hours")
    String form(CurrentUser user, @PathVariable PatientId id, Model model) {
        model.addAttribute("form", new QuietHoursForm("23:00", "07:00", null));
        return page(user, id, model, "escalation/quiet-hours");
    }

    @PostMapping("/patients/{id}/quiet-hours")
    String set(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("form") QuietHoursForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var quiet = monitoring.setQuietHours(user, id,
                        new SetQuietHours(form.startsAt(), form.endsAt(), form.reason()));
                redirect.addFlashAttribute("message", "Quiet hours set: no readings are expected from "
                        + quiet.startsAt() + " to " + quiet.endsAt() + "; the next set is due at " + quiet.endsAt() + ".");
                return "redirect:/patients/" + id + "#quiet-hours";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return page(user, id, model, "escalation/quiet-hours");
    }

    @PostMapping("/patients/{id}/quiet-hours/end")
    String end(CurrentUser user, @PathVariable PatientId id, RedirectAttributes redirect) {
        monitoring.endQuietHours(user, id);
        redirect.addFlashAttribute("message", "Quiet hours ended: readings are expected through the night again.");
        return "redirect:/patients/" + id + "#quiet-hours";
    }

    private String page(CurrentUser user, PatientId id, Model model, String view) {
        model.addAttribute("quiet", monitoring.quietHours(user, id).orElse(null));
        model.addAttribute("patientSummary", patients.summary(id));
        model.addAttribute("maySet", monitoring.maySetQuietHours(user));
        return view;
    }
}
