package org.homeward.observation.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.homeward.shared.DateWords;
import org.homeward.shared.PlausibleDates;
import org.homeward.observation.BatchMode;
import org.homeward.observation.Scale2Decision;
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
import org.homeward.scoring.PewsAgeChart;
import org.homeward.scoring.SpO2Scale;
import org.homeward.scoring.WarningScore;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
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

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ObservationPageController(ObservationService observations, PatientService patients, Clock clock,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.observations = observations;
        this.patients = patients;
        this.clock = clock;
    }

    /**
     * The visit form; the fields PEWS needs (including its trigger criteria: blood pressure derogation, suspected
     * sepsis or septic shock, abnormal pupils, clinical intuition, a specific concern) are shown only for patients
     * scored with PEWS. The set's time is a date (day, month, year) and a time, in the service's time zone.
     */
    record VisitObservations(Double respiratoryRate, String respiratoryDistress, Double oxygenSaturation,
            String onOxygen, String oxygenDevice, Double oxygenPercent, Double oxygenFlow, Double systolic,
            Double heartRate, Double capillaryRefill, String consciousness, Double temperature, String carerAnswer,
            String bloodPressureDerogation, String suspectedSepsis, String suspectedSepticShock, String abnormalPupils,
            String clinicalIntuition, String specificConcern, String takenDay, String takenMonth, String takenYear,
            String takenTime) {
    }

    /** Each form field with the parameter it records, in the order the form shows them. */
    private static final Map<String, ObservationParameter> FIELDS = fields();

    private static Map<String, ObservationParameter> fields() {
        Map<String, ObservationParameter> fields = new LinkedHashMap<>();
        fields.put("respiratoryRate", ObservationParameter.RESPIRATORY_RATE);
        fields.put("respiratoryDistress", ObservationParameter.RESPIRATORY_DISTRESS);
        fields.put("oxygenSaturation", ObservationParameter.OXYGEN_SATURATION);
        fields.put("onOxygen", ObservationParameter.ON_OXYGEN);
        fields.put("oxygenDevice", ObservationParameter.OXYGEN_DEVICE);
        fields.put("oxygenFlow", ObservationParameter.OXYGEN_LITRES_PER_MINUTE);
        fields.put("oxygenPercent", ObservationParameter.OXYGEN_PERCENT);
        fields.put("systolic", ObservationParameter.SYSTOLIC_BLOOD_PRESSURE);
        fields.put("bloodPressureDerogation", ObservationParameter.BLOOD_PRESSURE_DEROGATION);
        fields.put("heartRate", ObservationParameter.HEART_RATE);
        fields.put("capillaryRefill", ObservationParameter.CAPILLARY_REFILL);
        fields.put("consciousness", ObservationParameter.CONSCIOUSNESS);
        fields.put("temperature", ObservationParameter.TEMPERATURE);
        fields.put("carerAnswer", ObservationParameter.CARER_ANSWER);
        fields.put("suspectedSepsis", ObservationParameter.SUSPECTED_SEPSIS);
        fields.put("suspectedSepticShock", ObservationParameter.SUSPECTED_SEPTIC_SHOCK);
        fields.put("abnormalPupils", ObservationParameter.ABNORMAL_PUPILS);
        fields.put("clinicalIntuition", ObservationParameter.CLINICAL_INTUITION);
        fields.put("specificConcern", ObservationParameter.SPECIFIC_CONCERN);
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** The scoring module's names for the fields it refuses, as this form names them. */
    private static final Map<String, String> SCORING_FIELDS = Map.of("respirationRatePerMinute", "respiratoryRate",
            "respiratoryRatePerMinute", "respiratoryRate", "oxygenSaturationPercent", "oxygenSaturation",
            "oxygenPercent", "oxygenPercent", "oxygenLitresPerMinute", "oxygenFlow",
            "systolicBloodPressureMmHg", "systolic", "pulsePerMinute", "heartRate", "heartRatePerMinute", "heartRate",
            "temperatureCelsius", "temperature", "capillaryRefillSeconds", "capillaryRefill");

    @GetMapping("/patients/{id}/observations/new")
    String form(CurrentUser user, @PathVariable PatientId id, Model model) {
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        return formPage(patients.record(user, id), new VisitObservations(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null,
                String.valueOf(now.getDayOfMonth()), String.valueOf(now.getMonthValue()), String.valueOf(now.getYear()),
                now.format(DateTimeFormatter.ofPattern("HH:mm"))), Map.of(), model);
    }

    @PostMapping("/patients/{id}/observations")
    String record(CurrentUser user, @PathVariable PatientId id, VisitObservations form, BindingResult binding,
            Model model) {
        PatientRecord patient = patients.record(user, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Instant takenAt = takenAt(form, errors);
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), FIELDS.containsKey(e.getField())
                ? ObservationWords.label(FIELDS.get(e.getField())) + " must be a number, for example 96"
                : "Check " + e.getField()));
        Map<String, Object> values = values(form);
        values.forEach((field, value) -> {
            if (value instanceof Double number) {
                String problem = FIELDS.get(field).outOfRange(number, ObservationWords.label(FIELDS.get(field)));
                if (problem != null) {
                    errors.put(field, problem);
                }
            }
        });
        if (values.isEmpty()) {
            errors.put("respiratoryRate", "Enter at least one observation");
        }
        if (!errors.isEmpty()) {
            return formPage(patient, form, inFormOrder(errors), model);
        }
        List<String> fieldOfReading = new ArrayList<>(values.keySet());
        List<IncomingReading> readings = values.entrySet().stream().map(e -> e.getValue() instanceof Double number
                ? IncomingReading.entered(id, FIELDS.get(e.getKey()), number, takenAt)
                : IncomingReading.entered(id, FIELDS.get(e.getKey()), (String) e.getValue(), takenAt)).toList();
        try {
            BatchResult result = observations.ingest(user, ObservationSource.NURSE, BatchMode.ALL_OR_NOTHING, readings);
            result.rejected().forEach(r -> errors.putIfAbsent(r.index() < fieldOfReading.size()
                    ? fieldOfReading.get(r.index()) : "respiratoryRate", r.field().endsWith("recordedAt")
                    ? "The time the set was taken cannot be accepted: " + r.reason() : r.reason()));
        } catch (InvalidInputException e) {
            // a rule of the score itself, e.g. an oxygen device with no level: put it against its field
            errors.put(SCORING_FIELDS.getOrDefault(e.field(), "respiratoryRate"), e.getMessage());
        }
        if (!errors.isEmpty()) {
            return formPage(patient, form, errors, model);
        }
        return "redirect:/patients/" + id + "/observations/saved?at=" + takenAt;
    }

    /**
     * When the set was taken, from the form's date and time in the service's time zone. Refused, naming the field,
     * when it is not a real date and time, more than {@link ObservationService#CLOCK_SKEW} in the future (the
     * tolerance ingest allows a device's clock), or outside the dates any request may use ({@link PlausibleDates}).
     * A post with none of the four fields (a client that is not this form) means now.
     */
    private Instant takenAt(VisitObservations form, Map<String, String> errors) {
        if (form.takenDay() == null && form.takenMonth() == null && form.takenYear() == null
                && form.takenTime() == null) {
            return clock.instant();
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(form.takenYear().strip()), Integer.parseInt(form.takenMonth().strip()),
                    Integer.parseInt(form.takenDay().strip()));
        } catch (RuntimeException e) {
            errors.put("takenDay", "Date taken must be a real date, for example 4 12 2026");
            return null;
        }
        LocalTime time;
        try {
            time = LocalTime.parse(form.takenTime().strip(), DateTimeFormatter.ofPattern("H:mm"));
        } catch (RuntimeException e) {
            errors.put("takenTime", "Time taken must be a time on the 24-hour clock, for example 14:30");
            return null;
        }
        Instant at = ZonedDateTime.of(date, time, clock.getZone()).toInstant();
        if (PlausibleDates.problemWith(date) != null) {
            errors.put("takenDay", "Date taken must be between " + DateWords.day(PlausibleDates.EARLIEST) + " and "
                    + DateWords.day(PlausibleDates.LATEST));
        } else if (at.isAfter(clock.instant().plus(ObservationService.CLOCK_SKEW))) {
            errors.put("takenTime", "Time taken must not be in the future");
        }
        return at;
    }

    /** The error summary lists problems in the order of the fields on the form. */
    private static Map<String, String> inFormOrder(Map<String, String> errors) {
        List<String> order = new ArrayList<>(List.of("takenDay", "takenTime"));
        order.addAll(FIELDS.keySet());
        Map<String, String> sorted = new LinkedHashMap<>();
        order.stream().filter(errors::containsKey).forEach(field -> sorted.put(field, errors.get(field)));
        errors.forEach(sorted::putIfAbsent);
        return sorted;
    }

    /** The values the nurse gave, by field in form order: numbers as numbers, choices as their codes. */
    private static Map<String, Object> values(VisitObservations f) {
        Map<String, Object> values = new LinkedHashMap<>();
        Object[] given = {f.respiratoryRate(), f.respiratoryDistress(), f.oxygenSaturation(), f.onOxygen(),
            f.oxygenDevice(), f.oxygenFlow(), f.oxygenPercent(), f.systolic(), f.bloodPressureDerogation(),
            f.heartRate(), f.capillaryRefill(), f.consciousness(), f.temperature(), f.carerAnswer(),
            f.suspectedSepsis(), f.suspectedSepticShock(), f.abnormalPupils(), f.clinicalIntuition(),
            f.specificConcern()};
        int i = 0;
        for (String field : FIELDS.keySet()) {
            Object value = given[i++];
            if (value instanceof Double || (value instanceof String code && !code.isBlank())) {
                values.put(field, value);
            }
        }
        return values;
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", java.util.Locale.UK);

    /** One set in the chart's table, in words. */
    record TableRow(String time, String score, String risk, int band, List<String> values) {
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
        model.addAttribute("canDecideScale", user.can(Permission.DOCUMENT_SCALE_2));
        model.addAttribute("patient", patient);
        model.addAttribute("history", history);
        ScoredSet latest = history.isEmpty() ? null : history.get(history.size() - 1);
        model.addAttribute("latest", latest);
        model.addAttribute("days", CHART_DAYS);
        if (latest != null) {
            ObservationChart chart = adult
                    ? ObservationChart.news2(history, latest.scoreName().contains("Scale 2") ? SpO2Scale.SCALE_2
                            : SpO2Scale.SCALE_1, clock.getZone())
                    : ObservationChart.pews(history, PewsAgeChart.forAge(patient.summary().dateOfBirth(),
                            latest.takenAt().atZone(clock.getZone()).toLocalDate()), clock.getZone());
            model.addAttribute("chart", chart);
            model.addAttribute("chartJson", json(chart.toJson()));
            model.addAttribute("ageChart", adult ? null : PewsAgeChart.forAge(patient.summary().dateOfBirth(),
                    latest.takenAt().atZone(clock.getZone()).toLocalDate()).label());
        }
        List<ObservationParameter> shown = java.util.Arrays.stream(ObservationParameter.values())
                .filter(p -> history.stream().anyMatch(h -> h.values().containsKey(p))).toList();
        model.addAttribute("parameters", shown.stream().map(ObservationWords::label).toList());
        List<TableRow> rows = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            ScoredSet h = history.get(i);
            rows.add(new TableRow(WHEN.format(h.takenAt().atZone(clock.getZone())),
                    h.scoreText() + (h.scored() && h.partial() ? " (partial set)" : ""), h.scored() ? h.level() : "",
                    h.band(), shown.stream().map(p -> ObservationWords.value(p, h.values().get(p))).toList()));
        }
        model.addAttribute("rows", rows);
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

    private String formPage(PatientRecord patient, VisitObservations form, Map<String, String> errors, Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("child", observations.warningScore(patient.summary().id()) == WarningScore.PEWS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "observation/visit";
    }
}
