package org.homeward.visit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.homeward.observation.HomeLinkService;
import org.homeward.observation.ObservationService;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.referral.ReferralService;
import org.homeward.scoring.WarningScore;
import org.homeward.shared.PatientId;
import org.homeward.visit.PatientVisitTimes;
import org.homeward.visit.PatientVisitTimes.VisitTime;
import org.homeward.ward.WardService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Who is coming and when" for the patient or carer, from the same personal link as the readings page, with no
 * account: today's planned visits and, from {@link #SHOW_TOMORROW_FROM}, tomorrow's, each as a time band, what it is
 * for, and the first name and role of the person coming. An unknown, revoked or expired link is the same 404 as on
 * the readings page, because the link service refuses it the same way.
 */
@Controller
class HomeVisitsController {

    /** After this, people at home are thinking about tomorrow's first visit. */
    static final LocalTime SHOW_TOMORROW_FROM = LocalTime.of(18, 0);

    private final HomeLinkService links;
    private final ObservationService observations;
    private final PatientVisitTimes visitTimes;
    private final PatientService patients;
    private final ReferralService referrals;
    private final WardService wards;
    private final Clock clock;

    HomeVisitsController(HomeLinkService links, ObservationService observations, PatientVisitTimes visitTimes, PatientService patients,
            ReferralService referrals, WardService wards, Clock clock) {
        this.links = links;
        this.observations = observations;
        this.visitTimes = visitTimes;
        this.patients = patients;
        this.referrals = referrals;
        this.wards = wards;
        this.clock = clock;
    }

    /** One day's visits on the page: "Today" or "Tomorrow". */
    record Day(String label, LocalDate date, List<VisitTime> visits) {
    }

    @GetMapping("/home/{token}/visits")
    String visits(@PathVariable String token, Model model) {
        PatientId patient = links.patientFor(token);
        PatientSummary summary = patients.summary(patient);
        LocalDate today = LocalDate.now(clock);
        List<Day> days = new ArrayList<>();
        days.add(new Day("Today", today, visitTimes.visitsFor(patient, today)));
        if (!LocalTime.now(clock).isBefore(SHOW_TOMORROW_FROM)) {
            days.add(new Day("Tomorrow", today.plusDays(1), visitTimes.visitsFor(patient, today.plusDays(1))));
        }
        model.addAttribute("token", token);
        model.addAttribute("firstName", summary.givenName());
        // the same choice as the readings page and the scorer: PEWS under 16, and 16-17 on a children's pathway
        model.addAttribute("child", observations.warningScore(patient) == WarningScore.PEWS);
        model.addAttribute("days", days);
        referrals.currentWard(patient).map(wards::ward).ifPresent(ward -> model.addAttribute("ward", ward));
        return "visit/home-visits";
    }
}
