package org.homeward.observation.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.homeward.observation.BatchResult;
import org.homeward.observation.HomeLinkService;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ObservationService;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.referral.ReferralService;
import org.homeward.scoring.WarningScore;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.homeward.ward.WardService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page a patient or carer opens from their personal link, on their own phone, with no account: a few readings
 * and "how are you?" (adults) or "is your child worse?" (children), which is the national PEWS carer question.
 */
@Controller
class HomeReadingsController {

    private final HomeLinkService links;
    private final ObservationService observations;
    private final PatientService patients;
    private final ReferralService referrals;
    private final WardService wards;
    private final Clock clock;

    HomeReadingsController(HomeLinkService links, ObservationService observations, PatientService patients,
            ReferralService referrals, WardService wards, Clock clock) {
        this.links = links;
        this.observations = observations;
        this.patients = patients;
        this.referrals = referrals;
        this.wards = wards;
        this.clock = clock;
    }

    /** What the form sends; every reading is optional, but something must be sent. */
    record HomeReadings(String feeling, Double oxygenSaturation, Double heartRate, Double temperature,
            Double respiratoryRate) {
    }

    @GetMapping("/home/{token}")
    String page(@PathVariable String token, Model model) {
        PatientId patient = links.patientFor(token);
        return page(token, patient, new HomeReadings(null, null, null, null, null), model);
    }

    @PostMapping("/home/{token}")
    String send(@PathVariable String token, HomeReadings form, Model model, RedirectAttributes redirect) {
        PatientId patient = links.patientFor(token);
        List<IncomingReading> readings = readings(patient, form);
        if (readings.isEmpty()) {
            model.addAttribute("problems", List.of("Enter at least one reading, or say how you are."));
            return page(token, patient, form, model);
        }
        BatchResult result = observations.recordFromHome(patient, readings);
        if (!result.rejected().isEmpty()) {
            model.addAttribute("problems", result.rejected().stream().map(BatchResult.Rejection::reason).toList());
            return page(token, patient, form, model);
        }
        redirect.addFlashAttribute("sentAt", clock.instant());
        // what happens now, by the alert these readings raised, is the escalation module's page
        return "redirect:/home/" + token + "/advice";
    }

    /** Issues a personal link (clinical staff), shown once on the patient's page. */
    @PostMapping("/patients/{id}/home-link")
    String issueFromPage(CurrentUser user, @PathVariable PatientId id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("homeLink", "/home/" + links.issue(user, id));
        return "redirect:/patients/" + id;
    }

    private String page(String token, PatientId patient, HomeReadings form, Model model) {
        PatientSummary summary = patients.summary(patient);
        boolean child = observations.warningScore(patient) == WarningScore.PEWS;
        model.addAttribute("token", token);
        model.addAttribute("firstName", summary.givenName());
        model.addAttribute("child", child);
        model.addAttribute("form", form);
        referrals.currentWard(patient).map(wards::ward).ifPresent(ward -> model.addAttribute("ward", ward));
        return "observation/home";
    }

    private List<IncomingReading> readings(PatientId patient, HomeReadings form) {
        Instant now = clock.instant();
        List<IncomingReading> readings = new ArrayList<>();
        if (form.feeling() != null && !form.feeling().isBlank()) {
            readings.add(IncomingReading.entered(patient, ObservationParameter.CARER_ANSWER, form.feeling(), now));
        }
        add(readings, patient, ObservationParameter.OXYGEN_SATURATION, form.oxygenSaturation(), now);
        add(readings, patient, ObservationParameter.HEART_RATE, form.heartRate(), now);
        add(readings, patient, ObservationParameter.TEMPERATURE, form.temperature(), now);
        add(readings, patient, ObservationParameter.RESPIRATORY_RATE, form.respiratoryRate(), now);
        return readings;
    }

    private static void add(List<IncomingReading> readings, PatientId patient, ObservationParameter parameter,
            Double value, Instant at) {
        if (value != null) {
            readings.add(IncomingReading.entered(patient, parameter, value, at));
        }
    }
}
