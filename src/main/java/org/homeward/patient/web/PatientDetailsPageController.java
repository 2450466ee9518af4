package org.homeward.patient.web;

import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.Supplier;
import org.homeward.patient.Carer;
import org.homeward.patient.CorrectAddress;
import org.homeward.patient.CorrectCarer;
import org.homeward.patient.CorrectDemographics;
import org.homeward.patient.CorrectGpPractice;
import org.homeward.patient.CorrectLocation;
import org.homeward.patient.Correction;
import org.homeward.patient.EthnicCategory;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.patient.Sex;
import org.homeward.security.CurrentUser;
import org.homeward.shared.CarerId;
import org.homeward.shared.FormErrors;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
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

/**
 * Corrections of a patient's details from the "Change" links of the patient's page: one form per summary list
 * (personal details, address and phone, location for home visits, GP practice, each carer). Each form carries the
 * record's version, so a correction made meanwhile by someone else is not overwritten.
 */
@Controller
class PatientDetailsPageController {

    private final PatientService patients;

    PatientDetailsPageController(PatientService patients) {
        this.patients = patients;
    }

    @GetMapping("/patients/{id}/details/demographics")
    String demographicsForm(CurrentUser user, @PathVariable PatientId id, Model model) {
        PatientRecord p = correctable(user, id);
        var s = p.summary();
        model.addAttribute("form", new CorrectDemographics(s.givenName(), s.familyName(), s.dateOfBirth(), s.sex(),
                p.ethnicCategory(), null, p.version()));
        return page(model, p, "demographics");
    }

    @PostMapping("/patients/{id}/details/demographics")
    String correctDemographics(CurrentUser user, @PathVariable PatientId id,
            @Valid @ModelAttribute("form") CorrectDemographics form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return save(user, id, errors, model, redirect, "demographics",
                () -> patients.correctDemographics(user, id, form));
    }

    @GetMapping("/patients/{id}/details/address")
    String addressForm(CurrentUser user, @PathVariable PatientId id, Model model) {
        PatientRecord p = correctable(user, id);
        model.addAttribute("form", new CorrectAddress(p.addressLine1(), p.addressLine2(), p.town(), p.postcode(),
                p.phone(), null, p.version()));
        return page(model, p, "address");
    }

    @PostMapping("/patients/{id}/details/address")
    String correctAddress(CurrentUser user, @PathVariable PatientId id,
            @Valid @ModelAttribute("form") CorrectAddress form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return save(user, id, errors, model, redirect, "address", () -> patients.correctAddress(user, id, form));
    }

    @GetMapping("/patients/{id}/details/location")
    String locationForm(CurrentUser user, @PathVariable PatientId id, Model model) {
        PatientRecord p = correctable(user, id);
        model.addAttribute("form", new CorrectLocation(p.latitude(), p.longitude(), null, p.version()));
        return page(model, p, "location");
    }

    @PostMapping("/patients/{id}/details/location")
    String correctLocation(CurrentUser user, @PathVariable PatientId id,
            @Valid @ModelAttribute("form") CorrectLocation form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return save(user, id, errors, model, redirect, "location", () -> patients.correctLocation(user, id, form));
    }

    @GetMapping("/patients/{id}/details/gp-practice")
    String gpPracticeForm(CurrentUser user, @PathVariable PatientId id, Model model) {
        PatientRecord p = correctable(user, id);
        model.addAttribute("form", new CorrectGpPractice(p.gpPracticeCode(), p.gpPracticeName(), null, p.version()));
        return page(model, p, "gp-practice");
    }

    @PostMapping("/patients/{id}/details/gp-practice")
    String correctGpPractice(CurrentUser user, @PathVariable PatientId id,
            @Valid @ModelAttribute("form") CorrectGpPractice form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        return save(user, id, errors, model, redirect, "gp-practice",
                () -> patients.correctGpPractice(user, id, form));
    }

    @GetMapping("/patients/{id}/carers/{carerId}/details")
    String carerForm(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID carerId, Model model) {
        PatientRecord p = correctable(user, id);
        Carer c = carer(p, carerId);
        model.addAttribute("form", new CorrectCarer(c.name(), c.relationship(), c.phone(),
                c.hasParentalResponsibility(), null));
        model.addAttribute("carer", c);
        return page(model, p, "carer");
    }

    @PostMapping("/patients/{id}/carers/{carerId}/details")
    String correctCarer(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID carerId,
            @Valid @ModelAttribute("form") CorrectCarer form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("carer", carer(patients.record(user, id), carerId));
        return save(user, id, errors, model, redirect, "carer",
                () -> patients.correctCarer(user, id, new CarerId(carerId), form));
    }

    private String save(CurrentUser user, PatientId id, BindingResult errors, Model model,
            RedirectAttributes redirect, String section, Supplier<Correction> correction) {
        if (!errors.hasErrors()) {
            try {
                Correction done = correction.get();
                String saved = done.changes().isEmpty() ? "Nothing was changed"
                        : "Saved: " + String.join(", ", done.changes().stream().map(c -> c.field()).toList());
                redirect.addFlashAttribute("message", done.consequence() == null ? saved
                        : saved + ". " + done.consequence());
                return "redirect:/patients/" + id + "#patient-details";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return page(model, correctable(user, id), section);
    }

    /** The record, if the user may correct it (403 otherwise, so no form is offered that cannot be saved). */
    private PatientRecord correctable(CurrentUser user, PatientId id) {
        PatientRecord record = patients.record(user, id);
        if (!patients.mayCorrect(user, id)) {
            throw new ForbiddenException("Only the organisations caring for this patient (not as their GP practice)"
                    + " correct their details, as a referrer, clinician, senior decision-maker or coordinator.");
        }
        return record;
    }

    private static Carer carer(PatientRecord p, UUID carerId) {
        return p.carers().stream().filter(c -> c.id().value().equals(carerId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No carer with id " + carerId + " for this patient"));
    }

    private static String page(Model model, PatientRecord patient, String section) {
        model.addAttribute("patient", patient);
        model.addAttribute("section", section);
        model.addAttribute("title", switch (section) {
            case "demographics" -> "Change personal details";
            case "address" -> "Change address and phone";
            case "location" -> "Set the location for home visits";
            case "gp-practice" -> "Change GP practice";
            default -> "Change a carer's or parent's details";
        });
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("ethnicCategories", EthnicCategory.values());
        return "patient/correct";
    }
}
