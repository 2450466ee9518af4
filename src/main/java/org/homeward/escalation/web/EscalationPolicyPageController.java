package org.homeward.escalation.web;

import java.util.stream.IntStream;
import org.homeward.escalation.EscalationPolicy;
import org.homeward.escalation.EscalationPolicyService;
import org.homeward.escalation.PatientEscalation;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.security.CurrentUser;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.homeward.shared.WardId;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The escalation policy pages: a ward's NEWS2 alert threshold, and on a patient's record the threshold in force, its
 * trail and the senior clinician's forms to tighten it or end the patient's override. The service decides who may
 * change what and refuses loosening; these pages show its refusals on the form.
 */
@Controller
class EscalationPolicyPageController {

    private final EscalationPolicyService policies;
    private final PatientService patients;
    private final WardService wards;

    EscalationPolicyPageController(EscalationPolicyService policies, PatientService patients, WardService wards) {
        this.policies = policies;
        this.patients = patients;
        this.wards = wards;
    }

    /** What the tighten forms send; the patient or ward comes from the address, never from a form field. */
    record ThresholdForm(Integer news2AlertFromTotal, String reason) {
    }

    // ward ---------------------------------------------------------------------------------------------------------

    @GetMapping("/wards/{id}/escalation-policy")
    String wardPolicy(CurrentUser user, @PathVariable WardId id, Model model) {
        model.addAttribute("form", new ThresholdForm(null, null));
        return wardPage(user, id, model);
    }

    @PostMapping("/wards/{id}/escalation-policy")
    String tightenWard(CurrentUser user, @PathVariable WardId id, @ModelAttribute("form") ThresholdForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                EscalationPolicy now = policies.setWardPolicy(user, id, form.news2AlertFromTotal(), form.reason());
                redirect.addFlashAttribute("message", wards.ward(id).name() + ": NEWS2 alerts are now raised from "
                        + now.news2AlertFromTotal() + ".");
                return "redirect:/wards/" + id + "/escalation-policy";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return wardPage(user, id, model);
    }

    private String wardPage(CurrentUser user, WardId id, Model model) {
        VirtualWard ward = wards.ward(id);
        EscalationPolicy policy = policies.wardPolicy(id);
        model.addAttribute("ward", ward);
        model.addAttribute("policy", policy);
        model.addAttribute("choices", tighterThan(policy));
        model.addAttribute("mayChange", policies.mayChangePolicies(user));
        return "escalation/ward-policy";
    }

    // patient ------------------------------------------------------------------------------------------------------

    @GetMapping("/patients/{id}/escalation-policy")
    String patientPolicy(CurrentUser user, @PathVariable PatientId id, Model model) {
        model.addAttribute("form", new ThresholdForm(null, null));
        return patientPage(user, id, model, "escalation/patient-policy");
    }

    /** The section the patient's record loads into itself (htmx), so the record shows the policy in place. */
    @GetMapping("/patients/{id}/escalation-policy/section")
    String patientPolicySection(CurrentUser user, @PathVariable PatientId id, Model model) {
        model.addAttribute("form", new ThresholdForm(null, null));
        return patientPage(user, id, model, "escalation/patient-policy :: policySection");
    }

    @PostMapping("/patients/{id}/escalation-policy")
    String tightenPatient(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("form") ThresholdForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                EscalationPolicy now = policies.tighten(user, id, form.news2AlertFromTotal(), form.reason());
                redirect.addFlashAttribute("message", "NEWS2 alerts for " + named(patients.summary(id))
                        + " are now raised from " + now.news2AlertFromTotal() + " (" + now.source() + ").");
                return "redirect:/patients/" + id + "#escalation-policy";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return patientPage(user, id, model, "escalation/patient-policy");
    }

    @PostMapping("/patients/{id}/escalation-policy/end")
    String endOverride(CurrentUser user, @PathVariable PatientId id, RedirectAttributes redirect) {
        EscalationPolicy now = policies.endOverride(user, id);
        redirect.addFlashAttribute("message", "Override ended for " + named(patients.summary(id))
                + ". NEWS2 alerts are raised from " + now.news2AlertFromTotal() + " (" + now.source() + ").");
        return "redirect:/patients/" + id + "#escalation-policy";
    }

    private String patientPage(CurrentUser user, PatientId id, Model model, String view) {
        PatientEscalation escalation = policies.patientEscalation(user, id);
        model.addAttribute("escalation", escalation);
        model.addAttribute("patientSummary", patients.summary(id));
        model.addAttribute("choices", tighterThan(escalation.effective()));
        model.addAttribute("mayChange", policies.mayChangePolicies(user));
        return view;
    }

    /** The thresholds a senior may choose: only ones that make alerts come earlier than they do now. */
    private static int[] tighterThan(EscalationPolicy policy) {
        return IntStream.range(1, policy.news2AlertFromTotal()).toArray();
    }

    private static String named(PatientSummary patient) {
        return patient.displayName() + " (NHS " + patient.nhsNumber().formatted() + ")";
    }
}
