package org.homeward.escalation.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.homeward.escalation.AlertOutcome;
import org.homeward.escalation.AlertService;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ScoredSet;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the nurse sees after saving a set at a visit: its score and risk in words, and what happens now, from what
 * the escalation module did (the patient's open alert, whether this set raised it, who holds it, who was told and
 * by when they must respond). It lives here, not in the observation module, because escalation listens to
 * observations: the observation module cannot ask escalation without a cycle (as the carer's advice page after
 * home readings).
 */
@Controller
class ObservationSavedPageController {

    private final ObservationService observations;
    private final AlertService alerts;
    private final PatientService patients;

    ObservationSavedPageController(ObservationService observations, AlertService alerts, PatientService patients) {
        this.observations = observations;
        this.alerts = alerts;
        this.patients = patients;
    }

    @GetMapping("/patients/{id}/observations/saved")
    String saved(CurrentUser user, @PathVariable PatientId id, @RequestParam String at, Model model) {
        Instant takenAt;
        try {
            takenAt = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("at", "at must be the moment the set was taken, e.g. 2026-12-04T15:46:00Z");
        }
        model.addAttribute("patient", patients.record(user, id));
        ScoredSet set = observations.setAt(user, id, takenAt)
                .orElseThrow(() -> new NotFoundException("No set of observations taken at " + takenAt));
        AlertOutcome outcome = alerts.outcomeOf(user, id, takenAt);
        model.addAttribute("set", set);
        model.addAttribute("risk", riskInWords(set));
        model.addAttribute("outcome", outcome);
        return "escalation/observation-saved";
    }

    /**
     * NEWS2: low, low-medium (a single parameter scoring 3), medium, high (RCP 2017 Chart 2); PEWS: the escalation
     * level of the national card. The words come from the scoring module's own labels.
     */
    private static String riskInWords(ScoredSet set) {
        if (!set.scored()) {
            return null;
        }
        if (set.scoreName().startsWith("NEWS2")) {
            String level = set.level().toLowerCase();
            return level + " clinical risk" + ("low-medium".equals(level) ? " (a single parameter scored 3)" : "");
        }
        return "No escalation".equals(set.level()) ? "no escalation needed"
                : set.level().toLowerCase() + " escalation level";
    }
}
