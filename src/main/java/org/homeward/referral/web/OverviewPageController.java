package org.homeward.referral.web;

import org.homeward.referral.ReferralService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.WardId;
import org.homeward.ward.WardService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The service overview (capacity across wards, for everyone) and each ward's census (for clinical roles). */
@Controller
class OverviewPageController {

    private final ReferralService referrals;
    private final WardService wards;

    OverviewPageController(ReferralService referrals, WardService wards) {
        this.referrals = referrals;
        this.wards = wards;
    }

    @GetMapping("/")
    String overview(CurrentUser user, Model model) {
        model.addAttribute("census", referrals.serviceCensus(user));
        return "referral/overview";
    }

    @GetMapping("/wards/{id}/census")
    String census(CurrentUser user, @PathVariable WardId id, Model model) {
        model.addAttribute("census", referrals.census(user, id));
        var ward = wards.ward(id);
        model.addAttribute("ward", ward);
        // the Clinical Frailty Scale and 4AT are adult assessments: a ward that takes no adult has no such column
        model.addAttribute("showAssessment", ward.maxAgeYears() >= org.homeward.referral.AssessmentScores.FROM_AGE);
        return "referral/census";
    }
}
