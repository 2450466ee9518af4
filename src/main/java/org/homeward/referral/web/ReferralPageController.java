package org.homeward.referral.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.referral.AdmissionView;
import org.homeward.referral.AdmitPatient;
import org.homeward.referral.AssessmentScores;
import org.homeward.referral.ConsentGivenBy;
import org.homeward.referral.CreateReferral;
import org.homeward.referral.Intervention;
import org.homeward.referral.ReferralDirection;
import org.homeward.referral.ReferralService;
import org.homeward.referral.ReferralSource;
import org.homeward.referral.ReferralView;
import org.homeward.referral.TriageDecision;
import org.homeward.referral.Urgency;
import org.homeward.scoring.ClinicalFrailtyScale;
import org.homeward.scoring.FourAt;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SecurityService;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
import org.homeward.shared.ReferralId;
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

/** Referring, the triage queue, the decision, re-referral and admission. */
@Controller
class ReferralPageController {

    private final ReferralService referrals;
    private final PatientService patients;
    private final SecurityService security;
    private final PageLookups lookups;

    ReferralPageController(ReferralService referrals, PatientService patients, SecurityService security,
            PageLookups lookups) {
        this.referrals = referrals;
        this.patients = patients;
        this.security = security;
        this.lookups = lookups;
    }

    @GetMapping("/referrals")
    String list(CurrentUser user, Model model) {
        List<ReferralView> open = referrals.openReferrals(user);
        List<ReferralView> mine = referrals.referralsFromMyOrganisation(user);
        java.time.Instant now = referrals.now();
        model.addAttribute("open", open);
        model.addAttribute("now", now);
        model.addAttribute("overdue", open.stream().filter(r -> r.triageOverdue(now))
                .sorted(java.util.Comparator.comparing(ReferralView::triageDueAt)).toList());
        model.addAttribute("triageNow", open.stream().filter(ReferralView::triageNow).toList());
        model.addAttribute("mine", mine);
        model.addAttribute("patients", lookups.visiblePatients(user,
                Stream.concat(open.stream(), mine.stream()).map(ReferralView::patientId).distinct().toList()));
        model.addAttribute("wards", lookups.wardsById());
        return "referral/list";
    }

    @GetMapping("/referrals/new")
    String newReferral(CurrentUser user, @RequestParam PatientId patientId, Model model) {
        model.addAttribute("form", new CreateReferral(patientId, null, ReferralDirection.STEP_UP, null, null, null,
                null, null, null, null, null));
        return newPage(user, patientId, model);
    }

    @PostMapping("/referrals")
    String refer(CurrentUser user, @Valid @ModelAttribute("form") CreateReferral form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                ReferralView referral = referrals.refer(user, form);
                redirect.addFlashAttribute("message", "Referral sent. A senior decision-maker will triage it.");
                return "redirect:/referrals/" + referral.id();
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return newPage(user, form.patientId(), model);
    }

    @GetMapping("/referrals/{id}")
    String referral(CurrentUser user, @PathVariable ReferralId id, Model model) {
        return detailPage(user, id, model);
    }

    @PostMapping("/referrals/{id}/triage")
    String triage(CurrentUser user, @PathVariable ReferralId id, @Valid @ModelAttribute("triage") TriageDecision triage,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                ReferralView decided = referrals.triage(user, id, triage);
                redirect.addFlashAttribute("message", "Referral " + decided.status().label().toLowerCase());
                return "redirect:/referrals/" + id;
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return detailPage(user, id, model);
    }

    @PostMapping("/referrals/{id}/re-referral")
    String reRefer(CurrentUser user, @PathVariable ReferralId id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        ReferralView again = referrals.reRefer(user, id, reason);
        redirect.addFlashAttribute("message", "Re-referred. The declined referral and its reason are kept.");
        return "redirect:/referrals/" + again.id();
    }

    @PostMapping("/referrals/{id}/admission")
    String admit(CurrentUser user, @PathVariable ReferralId id, @Valid @ModelAttribute("admission") AdmitPatient admission,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                AdmissionView admitted = referrals.admit(user, id, admission);
                redirect.addFlashAttribute("message", "Admitted. Accountable clinician: "
                        + admitted.accountableClinicianName() + "; estimated discharge " + admitted.estimatedDischargeDate());
                return "redirect:/admissions/" + admitted.id();
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return detailPage(user, id, model);
    }

    private String newPage(CurrentUser user, PatientId patientId, Model model) {
        PatientRecord patient = patients.record(user, patientId);
        int age = patient.summary().ageOn(referrals.today());
        model.addAttribute("patient", patient);
        model.addAttribute("age", age);
        // only the wards whose age range fits the patient are offered; the service refuses any other (wardId)
        model.addAttribute("wardList", lookups.wardsById().values().stream().filter(w -> w.admitsAge(age))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList());
        model.addAttribute("directions", ReferralDirection.values());
        model.addAttribute("sources", ReferralSource.values());
        model.addAttribute("interventions", Intervention.values());
        model.addAttribute("urgencies", Urgency.values());
        return "referral/new";
    }

    private String detailPage(CurrentUser user, ReferralId id, Model model) {
        ReferralView referral = referrals.referral(user, id);
        PatientRecord patient = patients.record(user, referral.patientId());
        model.addAttribute("referral", referral);
        model.addAttribute("patient", patient);
        if (referral.direction() == ReferralDirection.STEP_DOWN) {
            model.addAttribute("inpatientStay", referrals.inpatientStay(user, id));
        }
        model.addAttribute("ward", lookups.wardsById().get(referral.wardId()));
        model.addAttribute("today", referrals.today());
        if (!model.containsAttribute("triage")) {
            model.addAttribute("triage", new TriageDecision(null, null, null));
        }
        if (!model.containsAttribute("admission")) {
            Instant left = referral.readyToAdmitSince();
            boolean fromA03 = left != null && !left.isAfter(referrals.now());
            model.addAttribute("admission", new AdmitPatient(
                    user.can(Permission.BE_ACCOUNTABLE_CLINICIAN) ? user.id() : null, null, ConsentGivenBy.PATIENT, true,
                    null, null, null, null, null, fromA03 ? left : null,
                    fromA03 ? admittedFrom(left, referral, referrals.now()) : null, null));
        }
        model.addAttribute("outcomes", TriageDecision.Outcome.values());
        model.addAttribute("seniors", security.usersWho(Permission.BE_ACCOUNTABLE_CLINICIAN));
        model.addAttribute("consentOptions", ConsentGivenBy.values());
        addAssessmentChoices(model, patient.summary().ageOn(referrals.today()) >= AssessmentScores.FROM_AGE);
        return "referral/detail";
    }

    /**
     * The admission time offered for a referral ready to admit: when the patient left the acute ward (the hospital's
     * A03), rounded up to the minute as the form shows minutes. None (admit now) when the referral was accepted after
     * that, since an admission cannot come before its acceptance, or when it would be in the future.
     */
    private static Instant admittedFrom(Instant leftAcuteWard, ReferralView referral, Instant now) {
        Instant minute = leftAcuteWard.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant shown = minute.equals(leftAcuteWard) ? minute : minute.plusSeconds(60);
        boolean beforeAcceptance = referral.triagedAt() != null && shown.isBefore(referral.triagedAt());
        return beforeAcceptance || shown.isAfter(now) ? null : shown;
    }

    /**
     * The admission assessment's radios: CFS v2.0 levels by name (descriptors are not reproduced, by copyright), and
     * the 4AT items in the tool's words with the points each scores. Shown only for adults, as the service records
     * them only for adults.
     */
    private static void addAssessmentChoices(Model model, boolean adult) {
        model.addAttribute("assessmentAllowed", adult);
        model.addAttribute("frailtyChoices", Arrays.stream(ClinicalFrailtyScale.values())
                .map(level -> new Choice(String.valueOf(level.level()), level.level() + " " + level.label())).toList());
        model.addAttribute("alertnessChoices", Arrays.stream(FourAt.Alertness.values())
                .map(answer -> new Choice(answer.name(), answer.label() + " (" + answer.points() + ")")).toList());
        model.addAttribute("amt4Choices", Arrays.stream(FourAt.Amt4.values())
                .map(answer -> new Choice(answer.name(), answer.label() + " (" + answer.points() + ")")).toList());
        model.addAttribute("attentionChoices", Arrays.stream(FourAt.Attention.values())
                .map(answer -> new Choice(answer.name(), answer.label() + " (" + answer.points() + ")")).toList());
        model.addAttribute("acuteChangeChoices", List.of(new Choice("false", "No (0)"),
                new Choice("true", "Yes (" + FourAt.ACUTE_CHANGE_POINTS + ")")));
    }
}
