package org.homeward.observation.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.homeward.observation.BatchMode;
import org.homeward.observation.Scale2Decision;
import org.homeward.security.Role;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RefusedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.homeward.observation.BatchResult;
import org.homeward.observation.IncomingReading;
import org.homeward.observation.ObservationParameter;
import org.homeward.observation.ObservationService;
import org.homeward.observation.ObservationSource;
import org.homeward.observation.ScoredSet;
import org.homeward.scoring.WarningScore;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A nurse records a set of observations at a visit (phone-sized form), and the patient's chart. */
@Controller
class ObservationPageController {

    private static final int CHART_DAYS = 14;

    private final ObservationService observations;
    private final PatientService patients;
    private final Clock clock;

    ObservationPageController(ObservationService observations, PatientService patients, Clock clock) {
        this.observations = observations;
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * The visit form; the fields PEWS needs (including its trigger criteria: blood pressure derogation, suspected
     * sepsis or septic shock, abnormal pupils, clinical intuition, a specific concern) are shown only for patients
     * scored with PEWS.
     */
    record VisitObservations(Double respiratoryRate, String respiratoryDistress, Double oxygenSaturation,
            String onOxygen, String oxygenDevice, Double oxygenPercent, Double oxygenFlow, Double systolic,
            Double heartRate, Double capillaryRefill, String consciousness, Double temperature, String carerAnswer,
            String bloodPressureDerogation, String suspectedSepsis, String suspectedSepticShock, String abnormalPupils,
            String clinicalIntuition, String specificConcern) {
    }

    @GetMapping("/patients/{id}/observations/new")
    String form(CurrentUser user, @PathVariable PatientId id, Model model) {
        return formPage(patients.record(user, id), new VisitObservations(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null), model);
    }

    @PostMapping("/patients/{id}/observations")
    String record(CurrentUser user, @PathVariable PatientId id, VisitObservations form, Model model,
            RedirectAttributes redirect) {
        PatientRecord patient = patients.record(user, id);
        List<IncomingReading> readings = readings(id, form);
        if (readings.isEmpty()) {
            model.addAttribute("problems", List.of("Enter at least one observation."));
            return formPage(patient, form, model);
        }
        BatchResult result = observations.ingest(user, ObservationSource.NURSE, BatchMode.ALL_OR_NOTHING, readings);
        if (!result.rejected().isEmpty()) {
            model.addAttribute("problems", result.rejected().stream().map(BatchResult.Rejection::reason).toList());
            return formPage(patient, form, model);
        }
        redirect.addFlashAttribute("message", result.stored() + " observations saved");
        return "redirect:/patients/" + id + "/chart";
    }

    /** A senior's reason for documenting or ending SpO2 Scale 2. */
    record ScaleForm(String reason) {
    }

    @GetMapping("/patients/{id}/chart")
    String chart(CurrentUser user, @PathVariable PatientId id, Model model) {
        if (!model.containsAttribute("scaleForm")) {
            model.addAttribute("scaleForm", new ScaleForm(null));
        }
        // the record first: a patient outside the user's care is then "not found", like an unknown one
        PatientRecord patient = patients.record(user, id);
        List<ScoredSet> history = observations.history(user, id, CHART_DAYS);
        boolean adult = observations.warningScore(id) == WarningScore.NEWS2;
        List<Scale2Decision> decisions = adult ? observations.scale2Decisions(user, id) : List.of();
        model.addAttribute("adult", adult);
        model.addAttribute("scale2", decisions.stream().filter(Scale2Decision::active).findFirst().orElse(null));
        model.addAttribute("scaleDecisions", decisions);
        model.addAttribute("canDecideScale", user.hasRole(Role.SENIOR_DECISION_MAKER));
        model.addAttribute("patient", patient);
        model.addAttribute("history", history);
        model.addAttribute("points", history.stream().filter(ScoredSet::scored)
                .map(h -> java.util.Map.of("x", h.takenAt().toEpochMilli(), "y", h.total())).toList());
        model.addAttribute("latest", history.isEmpty() ? null : history.get(history.size() - 1));
        model.addAttribute("days", CHART_DAYS);
        model.addAttribute("parameters", java.util.Arrays.stream(ObservationParameter.values())
                .filter(p -> history.stream().anyMatch(h -> h.values().containsKey(p))).toList());
        return "observation/chart";
    }

    @PostMapping("/patients/{id}/spo2-scale-2")
    String documentScale2(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("scaleForm") ScaleForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return scaleDecision(user, id, errors, model, redirect,
                () -> observations.documentScale2(user, id, form.reason()),
                "SpO2 Scale 2 documented: sets from now on are scored on Scale 2");
    }

    @PostMapping("/patients/{id}/spo2-scale-2/end")
    String endScale2(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("scaleForm") ScaleForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        return scaleDecision(user, id, errors, model, redirect,
                () -> observations.endScale2(user, id, form.reason()),
                "SpO2 Scale 2 ended: sets from now on are scored on Scale 1");
    }

    /** Makes the decision and goes back to the chart, or shows the refusal on the chart's form. */
    private String scaleDecision(CurrentUser user, PatientId id, BindingResult errors, Model model,
            RedirectAttributes redirect, Runnable decision, String done) {
        try {
            decision.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:/patients/" + id + "/chart";
        } catch (InvalidInputException | RefusedException e) {
            FormErrors.add(errors, e);
            return chart(user, id, model);
        }
    }

    private String formPage(PatientRecord patient, VisitObservations form, Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("child", observations.warningScore(patient.summary().id()) == WarningScore.PEWS);
        model.addAttribute("form", form);
        return "observation/visit";
    }

    private List<IncomingReading> readings(PatientId patient, VisitObservations f) {
        Instant now = clock.instant();
        List<IncomingReading> readings = new ArrayList<>();
        number(readings, patient, ObservationParameter.RESPIRATORY_RATE, f.respiratoryRate(), now);
        code(readings, patient, ObservationParameter.RESPIRATORY_DISTRESS, f.respiratoryDistress(), now);
        number(readings, patient, ObservationParameter.OXYGEN_SATURATION, f.oxygenSaturation(), now);
        code(readings, patient, ObservationParameter.ON_OXYGEN, f.onOxygen(), now);
        code(readings, patient, ObservationParameter.OXYGEN_DEVICE, f.oxygenDevice(), now);
        number(readings, patient, ObservationParameter.OXYGEN_PERCENT, f.oxygenPercent(), now);
        number(readings, patient, ObservationParameter.OXYGEN_LITRES_PER_MINUTE, f.oxygenFlow(), now);
        number(readings, patient, ObservationParameter.SYSTOLIC_BLOOD_PRESSURE, f.systolic(), now);
        number(readings, patient, ObservationParameter.HEART_RATE, f.heartRate(), now);
        number(readings, patient, ObservationParameter.CAPILLARY_REFILL, f.capillaryRefill(), now);
        code(readings, patient, ObservationParameter.CONSCIOUSNESS, f.consciousness(), now);
        number(readings, patient, ObservationParameter.TEMPERATURE, f.temperature(), now);
        code(readings, patient, ObservationParameter.CARER_ANSWER, f.carerAnswer(), now);
        code(readings, patient, ObservationParameter.BLOOD_PRESSURE_DEROGATION, f.bloodPressureDerogation(), now);
        code(readings, patient, ObservationParameter.SUSPECTED_SEPSIS, f.suspectedSepsis(), now);
        code(readings, patient, ObservationParameter.SUSPECTED_SEPTIC_SHOCK, f.suspectedSepticShock(), now);
        code(readings, patient, ObservationParameter.ABNORMAL_PUPILS, f.abnormalPupils(), now);
        code(readings, patient, ObservationParameter.CLINICAL_INTUITION, f.clinicalIntuition(), now);
        code(readings, patient, ObservationParameter.SPECIFIC_CONCERN, f.specificConcern(), now);
        return readings;
    }

    private static void number(List<IncomingReading> readings, PatientId patient, ObservationParameter parameter,
            Double value, Instant at) {
        if (value != null) {
            readings.add(IncomingReading.entered(patient, parameter, value, at));
        }
    }

    private static void code(List<IncomingReading> readings, PatientId patient, ObservationParameter parameter,
            String code, Instant at) {
        if (code != null && !code.isBlank()) {
            readings.add(IncomingReading.entered(patient, parameter, code, at));
        }
    }
}
