package org.homeward.patient.web;

import jakarta.validation.Valid;
import java.util.List;
import org.homeward.patient.AddCarer;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.RegisterPatient;
import org.homeward.patient.Sex;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Finding and registering patients, and adding carers. The patient's own page is in the referral module's web. */
@Controller
class PatientPageController {

    private final PatientService patients;

    PatientPageController(PatientService patients) {
        this.patients = patients;
    }

    @GetMapping("/patients")
    String search(CurrentUser user, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("results", q == null ? List.of() : patients.search(user, q));
        model.addAttribute("searchLimit", PatientService.SEARCH_LIMIT);
        return "patient/search";
    }

    @GetMapping("/patients/new")
    String registerForm(Model model) {
        model.addAttribute("form", new RegisterPatient(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null));
        return registerPage(model);
    }

    @PostMapping("/patients")
    String register(CurrentUser user, @Valid @ModelAttribute("form") RegisterPatient form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                PatientRecord record = patients.register(user, form);
                redirect.addFlashAttribute("message", "Registered " + record.summary().givenName() + " "
                        + record.summary().familyName() + ", NHS number " + record.summary().nhsNumber().formatted());
                return "redirect:/patients/" + record.summary().id();
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return registerPage(model);
    }

    @GetMapping("/patients/{id}/carers/new")
    String carerForm(CurrentUser user, @PathVariable PatientId id, Model model) {
        model.addAttribute("form", new AddCarer(null, null, null, null));
        return carerPage(model, patients.record(user, id));
    }

    @PostMapping("/patients/{id}/carers")
    String addCarer(CurrentUser user, @PathVariable PatientId id, @Valid @ModelAttribute("form") AddCarer form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                patients.addCarer(user, id, form);
                redirect.addFlashAttribute("message", "Added " + form.name() + " as a carer");
                return "redirect:/patients/" + id;
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return carerPage(model, patients.record(user, id));
    }

    private static String registerPage(Model model) {
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("ethnicCategories", EthnicCategory.values());
        return "patient/register";
    }

    private static String carerPage(Model model, PatientRecord patient) {
        model.addAttribute("patient", patient);
        return "patient/carer";
    }
}
