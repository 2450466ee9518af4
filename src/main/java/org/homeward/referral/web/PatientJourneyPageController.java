package org.homeward.referral.web;

import org.homeward.patient.PatientService;
import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A patient's page: demographics and carers with their referrals and admissions. */
@Controller
class PatientJourneyPageController {

    private final PatientService patients;
    private final ReferralService referrals;
    private final PageLookups lookups;

    PatientJourneyPageController(PatientService patients, ReferralService referrals, PageLookups lookups) {
        this.patients = patients;
        this.referrals = referrals;
        this.lookups = lookups;
    }

    @GetMapping("/patients/{id}")
    String patient(CurrentUser user, @PathVariable PatientId id, Model model) {
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("careTeam", patients.careTeam(user, id));
        model.addAttribute("mayCorrect", patients.mayCorrect(user, id));
        model.addAttribute("changes", patients.changes(user, id));
        model.addAttribute("breakGlass", patients.activeBreakGlass(user, id).orElse(null));
        model.addAttribute("referrals", referrals.referralsOf(user, id));
        model.addAttribute("admissions", referrals.admissionsOf(user, id));
        model.addAttribute("wards", lookups.wardsById());
        model.addAttribute("today", referrals.today());
        return "referral/patient";
    }
}
