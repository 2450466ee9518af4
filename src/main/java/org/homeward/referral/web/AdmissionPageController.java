package org.homeward.referral.web;

import jakarta.validation.Valid;
import org.homeward.patient.PatientService;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.DischargeDestination;
import org.homeward.referral.DischargePatient;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReviseEstimatedDischarge;
import org.homeward.security.CurrentUser;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An admission, its discharge, and the discharge summary the GP reads. */
@Controller
class AdmissionPageController {

    private final ReferralService referrals;
    private final PatientService patients;
    private final PageLookups lookups;

    AdmissionPageController(ReferralService referrals, PatientService patients, PageLookups lookups) {
        this.referrals = referrals;
        this.patients = patients;
        this.lookups = lookups;
    }

    @GetMapping("/admissions/{id}")
    String admission(CurrentUser user, @PathVariable AdmissionId id, Model model) {
        model.addAttribute("discharge", new DischargePatient(null, null, null, null, null));
        return page(user, id, model);
    }

    @PostMapping("/admissions/{id}/edd")
    String reviseEstimatedDischarge(CurrentUser user, @PathVariable AdmissionId id,
            @Valid @ModelAttribute("eddRevision") ReviseEstimatedDischarge revision, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                AdmissionView revised = referrals.reviseEstimatedDischarge(user, id, revision);
                redirect.addFlashAttribute("message", "Estimated discharge date revised to "
                        + revised.estimatedDischargeDate().format(java.time.format.DateTimeFormatter.ofPattern(
                                "d MMMM yyyy", java.util.Locale.UK)) + ".");
                return "redirect:/admissions/" + id;
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        model.addAttribute("discharge", new DischargePatient(null, null, null, null, null));
        return page(user, id, model);
    }

    @PostMapping("/admissions/{id}/discharge")
    String discharge(CurrentUser user, @PathVariable AdmissionId id,
            @Valid @ModelAttribute("discharge") DischargePatient discharge, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                AdmissionView discharged = referrals.discharge(user, id, discharge);
                redirect.addFlashAttribute("message", "Discharged to " + discharged.dischargeDestination().label()
                        + " after " + discharged.lengthOfStayDays() + " days. The bed is free.");
                return "redirect:/admissions/" + id;
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return page(user, id, model);
    }

    private String page(CurrentUser user, AdmissionId id, Model model) {
        AdmissionView admission = referrals.admission(user, id);
        model.addAttribute("admissionView", admission);
        model.addAttribute("patient", patients.record(user, admission.patientId()));
        model.addAttribute("ward", lookups.wardsById().get(admission.wardId()));
        model.addAttribute("today", referrals.today());
        model.addAttribute("destinations", DischargeDestination.values());
        model.addAttribute("eddRevisions", referrals.estimatedDischargeRevisions(user, id));
        if (!model.containsAttribute("eddRevision")) {
            model.addAttribute("eddRevision", new ReviseEstimatedDischarge(null, null));
        }
        return "referral/admission";
    }
}
