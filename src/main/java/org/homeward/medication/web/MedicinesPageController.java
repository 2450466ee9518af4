package org.homeward.medication.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.homeward.medication.Allergy;
import org.homeward.medication.AllergyCertainty;
import org.homeward.medication.AllergyService;
import org.homeward.medication.AllergySeverity;
import org.homeward.medication.CheckFinding;
import org.homeward.medication.DischargeMedicinesService;
import org.homeward.medication.DoseUnit;
import org.homeward.medication.FormularyEntry;
import org.homeward.medication.FormularyService;
import org.homeward.medication.NominatePharmacy;
import org.homeward.medication.Frequency;
import org.homeward.medication.PrescribingCheck;
import org.homeward.medication.PrescribingRefused;
import org.homeward.medication.Prescribe;
import org.homeward.medication.Prescription;
import org.homeward.medication.PrescriptionService;
import org.homeward.medication.ReactionKind;
import org.homeward.medication.RecordAllergy;
import org.homeward.medication.RecordWeight;
import org.homeward.medication.Route;
import org.homeward.medication.SaveFormularyEntry;
import org.homeward.medication.ScreenPrescription;
import org.homeward.medication.ScreeningStatus;
import org.homeward.medication.StopPrescription;
import org.homeward.medication.SubstanceClass;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's Medicines page (allergies with Record allergy and No known allergies, weight, the medicines chart with
 * screening for pharmacists, stopped prescriptions folded), the prescribe form (the checks as an error summary, each
 * confirmable one with its reason box) and the stop form; and the formulary pages for the pharmacist.
 */
@Controller
class MedicinesPageController {

    private final AllergyService allergies;
    private final FormularyService formulary;
    private final PrescriptionService prescriptions;
    private final PatientService patients;
    private final DischargeMedicinesService dischargeMedicines;

    MedicinesPageController(AllergyService allergies, FormularyService formulary, PrescriptionService prescriptions,
            PatientService patients, DischargeMedicinesService dischargeMedicines) {
        this.allergies = allergies;
        this.formulary = formulary;
        this.prescriptions = prescriptions;
        this.patients = patients;
        this.dischargeMedicines = dischargeMedicines;
    }

    record PharmacyForm(String name, String odsCode) {
    }

    record AllergyForm(String substance, SubstanceClass substanceClass, String reaction, AllergySeverity severity,
            AllergyCertainty certainty, ReactionKind kind) {
    }

    /** The correction form: the allergy as it should read, prefilled with the current version, and the reason. */
    record CorrectAllergyForm(String substance, SubstanceClass substanceClass, String reaction,
            AllergySeverity severity, AllergyCertainty certainty, ReactionKind kind, String reason) {

        static CorrectAllergyForm of(Allergy a) {
            return new CorrectAllergyForm(a.substance(), a.substanceClass(), a.reaction(), a.severity(),
                    a.certainty(), a.kind(), null);
        }
    }

    /** Why an allergy was entered in error. */
    record InErrorForm(String reason) {
    }

    record WeightForm(BigDecimal weightKg) {
    }

    /** The prescribe form; times as typed ('08:00 14:00'); a reason box for each confirmable check. */
    record PrescribeForm(UUID formularyEntryId, BigDecimal dose, DoseUnit doseUnit, Route route, Frequency frequency,
            String times, String indication, LocalDate reviewOn, String allergyReason, String duplicateReason,
            String doseRangeReason, String childDoseReason) {
    }

    record StopForm(String reason) {
    }

    /** The formulary form; the reason only when changing an entry. */
    record FormularyForm(String name, String form, String strength, Set<Route> routes, DoseUnit doseUnit,
            BigDecimal adultDoseMin, BigDecimal adultDoseMax, BigDecimal childDosePerKgMinMg,
            BigDecimal childDosePerKgMaxMg, BigDecimal childMaxDose, Boolean timeCritical, Boolean secondChecker,
            Boolean controlledDrug, Boolean antimicrobial, SubstanceClass substanceClass, String dmdCode,
            String dmdSource, String doseSource, String reason) {

        static FormularyForm of(FormularyEntry e) {
            return new FormularyForm(e.name(), e.form(), e.strength(), EnumSet.copyOf(e.routes()), e.doseUnit(),
                    plain(e.adultDoseMin()), plain(e.adultDoseMax()), plain(e.childDosePerKgMinMg()),
                    plain(e.childDosePerKgMaxMg()), plain(e.childMaxDose()), e.timeCritical(), e.secondChecker(),
                    e.controlledDrug(), e.antimicrobial(), e.substanceClass(), e.dmdCode(), e.dmdSource(),
                    e.doseSource(), null);
        }

        SaveFormularyEntry command() {
            return new SaveFormularyEntry(name, form, strength, routes, doseUnit, adultDoseMin, adultDoseMax,
                    childDosePerKgMinMg, childDosePerKgMaxMg, childMaxDose, yes(timeCritical), yes(secondChecker),
                    yes(controlledDrug), yes(antimicrobial), substanceClass, dmdCode, dmdSource, doseSource, reason);
        }

        private static BigDecimal plain(BigDecimal value) {
            return value == null ? null : value.stripTrailingZeros();
        }
    }

    @GetMapping("/patients/{id}/medicines")
    String medicines(CurrentUser user, @PathVariable PatientId id, Model model) {
        if (!model.containsAttribute("allergyForm")) {
            model.addAttribute("allergyForm", new AllergyForm(null, null, null, null, null, null));
        }
        if (!model.containsAttribute("weightForm")) {
            model.addAttribute("weightForm", new WeightForm(null));
        }
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("chart", prescriptions.chart(user, id));
        model.addAttribute("histories", allergies.historiesOf(user, id));
        var pharmacy = dischargeMedicines.pharmacy(user, id).orElse(null);
        model.addAttribute("pharmacy", pharmacy);
        if (!model.containsAttribute("pharmacyForm")) {
            model.addAttribute("pharmacyForm", new PharmacyForm(pharmacy == null ? null : pharmacy.name(),
                    pharmacy == null ? null : pharmacy.odsCode()));
        }
        model.addAttribute("weights", allergies.weightsOf(user, id));
        model.addAttribute("severities", AllergySeverity.values());
        model.addAttribute("certainties", AllergyCertainty.values());
        model.addAttribute("reactionKinds", ReactionKind.values());
        model.addAttribute("classes", SubstanceClass.values());
        return "medication/medicines";
    }

    @PostMapping("/patients/{id}/medicines/allergies")
    String recordAllergy(CurrentUser user, @PathVariable PatientId id,
            @ModelAttribute("allergyForm") AllergyForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var allergy = allergies.record(user, id, new RecordAllergy(form.substance(), null,
                        form.substanceClass(), form.reaction(), form.severity(), form.certainty(), form.kind(), null));
                redirect.addFlashAttribute("message", "Allergy recorded: " + allergy.words());
                return "redirect:/patients/" + id + "/medicines#allergies";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return medicines(user, id, model);
    }

    @GetMapping("/patients/{id}/medicines/allergies/{allergyId}/correct")
    String correctAllergyForm(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID allergyId, Model model,
            RedirectAttributes redirect) {
        user.require(Permission.RECORD_ALLERGIES);
        List<Allergy> versions = allergyOf(user, id, allergyId);
        Allergy current = versions.get(versions.size() - 1);
        if (current.enteredInError()) {
            redirect.addFlashAttribute("message", current.substance() + " was entered in error: record the allergy "
                    + "again instead");
            return "redirect:/patients/" + id + "/medicines#entered-in-error";
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CorrectAllergyForm.of(current));
        }
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("allergy", current);
        model.addAttribute("versions", versions);
        model.addAttribute("severities", AllergySeverity.values());
        model.addAttribute("certainties", AllergyCertainty.values());
        model.addAttribute("reactionKinds", ReactionKind.values());
        model.addAttribute("classes", SubstanceClass.values());
        return "medication/allergy-correct";
    }

    @PostMapping("/patients/{id}/medicines/allergies/{allergyId}/correct")
    String correctAllergy(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID allergyId,
            @ModelAttribute("form") CorrectAllergyForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        List<Allergy> versions = allergyOf(user, id, allergyId);
        if (!errors.hasErrors()) {
            try {
                Allergy corrected = allergies.correct(user, allergyId, new RecordAllergy(form.substance(),
                        versions.get(versions.size() - 1).formularyEntryId(), form.substanceClass(), form.reaction(),
                        form.severity(), form.certainty(), form.kind(), form.reason()));
                redirect.addFlashAttribute("message", "Allergy corrected: " + corrected.words());
                return "redirect:/patients/" + id + "/medicines#allergies";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return correctAllergyForm(user, id, allergyId, model, redirect);
    }

    @GetMapping("/patients/{id}/medicines/allergies/{allergyId}/entered-in-error")
    String inErrorForm(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID allergyId, Model model,
            RedirectAttributes redirect) {
        user.require(Permission.RECORD_ALLERGIES);
        List<Allergy> versions = allergyOf(user, id, allergyId);
        Allergy current = versions.get(versions.size() - 1);
        if (current.enteredInError()) {
            redirect.addFlashAttribute("message", current.substance() + " is already marked as entered in error");
            return "redirect:/patients/" + id + "/medicines#entered-in-error";
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new InErrorForm(null));
        }
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("allergy", current);
        model.addAttribute("versions", versions);
        return "medication/allergy-entered-in-error";
    }

    @PostMapping("/patients/{id}/medicines/allergies/{allergyId}/entered-in-error")
    String enterAllergyInError(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID allergyId,
            @ModelAttribute("form") InErrorForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        allergyOf(user, id, allergyId);
        try {
            Allergy marked = allergies.enterInError(user, allergyId, form.reason());
            redirect.addFlashAttribute("message", marked.substance() + " marked as entered in error");
            return "redirect:/patients/" + id + "/medicines#entered-in-error";
        } catch (InvalidInputException | RefusedException e) {
            FormErrors.add(errors, e);
        }
        return inErrorForm(user, id, allergyId, model, redirect);
    }

    @PostMapping("/patients/{id}/medicines/no-known-allergies")
    String noKnownAllergies(CurrentUser user, @PathVariable PatientId id, RedirectAttributes redirect) {
        try {
            allergies.recordNoKnownAllergies(user, id);
            redirect.addFlashAttribute("message", "No known allergies recorded");
        } catch (RefusedException e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/patients/" + id + "/medicines#allergies";
    }

    @PostMapping("/patients/{id}/medicines/community-pharmacy")
    String nominatePharmacy(CurrentUser user, @PathVariable PatientId id,
            @ModelAttribute("pharmacyForm") PharmacyForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var pharmacy = dischargeMedicines.nominatePharmacy(user, id, new NominatePharmacy(form.name(),
                        form.odsCode()));
                redirect.addFlashAttribute("message", pharmacy.map(p -> "Community pharmacy recorded: " + p.words())
                        .orElse("Community pharmacy removed"));
                return "redirect:/patients/" + id + "/medicines#community-pharmacy";
            } catch (InvalidInputException e) {
                FormErrors.add(errors, e);
            }
        }
        return medicines(user, id, model);
    }

    @PostMapping("/patients/{id}/medicines/weights")
    String recordWeight(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("weightForm") WeightForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var weight = allergies.recordWeight(user, id, new RecordWeight(form.weightKg(), null));
                redirect.addFlashAttribute("message", "Weight recorded: " + weight.weightKg().toPlainString() + " kg");
                return "redirect:/patients/" + id + "/medicines#weight";
            } catch (InvalidInputException e) {
                FormErrors.add(errors, e);
            }
        }
        return medicines(user, id, model);
    }

    @GetMapping("/patients/{id}/medicines/prescribe")
    String prescribeForm(CurrentUser user, @PathVariable PatientId id, Model model) {
        user.require(Permission.PRESCRIBE);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PrescribeForm(null, null, null, null, null, null, null, null, null, null,
                    null, null));
        }
        if (!model.containsAttribute("confirmable")) {
            model.addAttribute("confirmable", List.of());
        }
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("formulary", formulary.formulary(user));
        model.addAttribute("units", DoseUnit.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute("frequencies", Frequency.values());
        return "medication/prescribe";
    }

    @PostMapping("/patients/{id}/medicines/prescribe")
    String prescribe(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("form") PrescribeForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        user.require(Permission.PRESCRIBE);
        List<LocalTime> times = times(form.times(), errors);
        if (!errors.hasErrors()) {
            List<Prescribe.Override> overrides = new ArrayList<>();
            addOverride(overrides, PrescribingCheck.ALLERGY, form.allergyReason());
            addOverride(overrides, PrescribingCheck.DUPLICATE, form.duplicateReason());
            addOverride(overrides, PrescribingCheck.DOSE_RANGE, form.doseRangeReason());
            addOverride(overrides, PrescribingCheck.CHILD_DOSE, form.childDoseReason());
            try {
                Prescription made = prescriptions.prescribe(user, id, new Prescribe(form.formularyEntryId(),
                        form.dose(), form.doseUnit(), form.route(), form.frequency(), times, null, null,
                        form.indication(), form.reviewOn(), overrides));
                redirect.addFlashAttribute("message", "Prescribed " + made.medicine() + " " + made.doseWords()
                        + ": awaiting pharmacist screening");
                return "redirect:/patients/" + id + "/medicines";
            } catch (PrescribingRefused e) {
                List<PrescribingCheck> confirmable = new ArrayList<>();
                for (CheckFinding f : e.findings()) {
                    errors.reject("check", f.message());
                    if (f.confirmable()) {
                        confirmable.add(f.check());
                    }
                }
                model.addAttribute("confirmable", confirmable);
            } catch (InvalidInputException e) {
                FormErrors.add(errors, e);
            } catch (RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return prescribeForm(user, id, model);
    }

    @GetMapping("/patients/{id}/medicines/{prescriptionId}/stop")
    String stopForm(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID prescriptionId, Model model) {
        user.require(Permission.PRESCRIBE);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new StopForm(null));
        }
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("prescription", prescriptionOf(user, id, prescriptionId));
        return "medication/stop";
    }

    @PostMapping("/patients/{id}/medicines/{prescriptionId}/stop")
    String stop(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID prescriptionId,
            @ModelAttribute("form") StopForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        prescriptionOf(user, id, prescriptionId);
        try {
            Prescription stopped = prescriptions.stop(user, prescriptionId, new StopPrescription(form.reason()));
            redirect.addFlashAttribute("message", "Stopped " + stopped.medicine() + " " + stopped.doseWords());
            return "redirect:/patients/" + id + "/medicines";
        } catch (InvalidInputException | RefusedException e) {
            FormErrors.add(errors, e);
        }
        return stopForm(user, id, prescriptionId, model);
    }

    @PostMapping("/patients/{id}/medicines/{prescriptionId}/screening")
    String screen(CurrentUser user, @PathVariable PatientId id, @PathVariable UUID prescriptionId,
            ScreeningStatus outcome, String note, RedirectAttributes redirect) {
        prescriptionOf(user, id, prescriptionId);
        try {
            Prescription p = prescriptions.screen(user, prescriptionId, new ScreenPrescription(outcome, note));
            redirect.addFlashAttribute("message", p.medicine() + ": " + p.screening().label().toLowerCase());
        } catch (InvalidInputException | RefusedException e) {
            redirect.addFlashAttribute("message", "Not saved: " + e.getMessage());
        }
        return "redirect:/patients/" + id + "/medicines";
    }

    @GetMapping("/formulary")
    String formulary(CurrentUser user, Model model) {
        model.addAttribute("entries", formulary.formulary(user));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FormularyForm(null, null, null, EnumSet.noneOf(Route.class), null, null,
                    null, null, null, null, false, false, false, false, null, null, null, null, null));
        }
        model.addAttribute("units", DoseUnit.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute("classes", SubstanceClass.values());
        return "medication/formulary";
    }

    /**
     * Adds a formulary entry from the form. Read by hand from the request: a record with a set of routes and
     * optional numbers does not bind as one, and a number typed wrongly must come back as a message on its field.
     */
    @PostMapping("/formulary")
    String addToFormulary(CurrentUser user, @RequestParam MultiValueMap<String, String> p, Model model,
            RedirectAttributes redirect) {
        user.require(Permission.MANAGE_FORMULARY);
        List<String> problems = new ArrayList<>();
        FormularyForm form = formularyForm(p, problems);
        BindingResult errors = new DirectFieldBindingResult(form, "form");
        problems.forEach(field -> errors.rejectValue(field, "invalid", "must be a number, such as 2.5"));
        if (!errors.hasErrors()) {
            try {
                var entry = formulary.add(user, form.command());
                redirect.addFlashAttribute("message", "Added " + entry.words() + " to the formulary");
                return "redirect:/formulary";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        return formulary(user, model);
    }

    /** One formulary entry: as it reads now, its earlier versions (who, when, why) and the pharmacist's change form. */
    @GetMapping("/formulary/{entryId}")
    String formularyEntry(CurrentUser user, @PathVariable UUID entryId, Model model) {
        List<FormularyEntry> versions = formulary.history(user, entryId);
        FormularyEntry entry = versions.get(versions.size() - 1);
        List<FormularyEntry> earlier = new ArrayList<>(versions.subList(0, versions.size() - 1));
        Collections.reverse(earlier);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FormularyForm.of(entry));
        }
        model.addAttribute("entry", entry);
        model.addAttribute("earlier", earlier);
        model.addAttribute("units", DoseUnit.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute("classes", SubstanceClass.values());
        return "medication/formulary-entry";
    }

    /** Changes a formulary entry from the form, with the reason: a new version, the earlier kept. */
    @PostMapping("/formulary/{entryId}")
    String changeFormularyEntry(CurrentUser user, @PathVariable UUID entryId,
            @RequestParam MultiValueMap<String, String> p, Model model, RedirectAttributes redirect) {
        user.require(Permission.MANAGE_FORMULARY);
        List<String> problems = new ArrayList<>();
        FormularyForm form = formularyForm(p, problems);
        BindingResult errors = new DirectFieldBindingResult(form, "form");
        problems.forEach(field -> errors.rejectValue(field, "invalid", "must be a number, such as 2.5"));
        if (!errors.hasErrors()) {
            try {
                var entry = formulary.change(user, entryId, form.command());
                redirect.addFlashAttribute("message", "Changed " + entry.words() + " (version " + entry.version()
                        + ")");
                return "redirect:/formulary/" + entryId;
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
        return formularyEntry(user, entryId, model);
    }

    /** The formulary form as sent; a number typed wrongly is left empty and its field named in {@code problems}. */
    private static FormularyForm formularyForm(MultiValueMap<String, String> p, List<String> problems) {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        for (String r : p.getOrDefault("routes", List.of())) {
            routes.add(Route.valueOf(r));
        }
        return new FormularyForm(p.getFirst("name"), p.getFirst("form"), p.getFirst("strength"),
                routes, enumOf(DoseUnit.class, p.getFirst("doseUnit")), number(p, "adultDoseMin", problems),
                number(p, "adultDoseMax", problems), number(p, "childDosePerKgMinMg", problems),
                number(p, "childDosePerKgMaxMg", problems), number(p, "childMaxDose", problems),
                ticked(p, "timeCritical"), ticked(p, "secondChecker"), ticked(p, "controlledDrug"),
                ticked(p, "antimicrobial"), enumOf(SubstanceClass.class, p.getFirst("substanceClass")),
                p.getFirst("dmdCode"), p.getFirst("dmdSource"), p.getFirst("doseSource"), p.getFirst("reason"));
    }

    private static BigDecimal number(MultiValueMap<String, String> p, String field, List<String> problems) {
        String typed = p.getFirst(field);
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            problems.add(field);
            return null;
        }
    }

    private static Boolean ticked(MultiValueMap<String, String> p, String field) {
        String value = p.getFirst(field);
        return value != null && (value.equals("true") || value.equals("on"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
    }

    private static boolean yes(Boolean ticked) {
        return Boolean.TRUE.equals(ticked);
    }

    /** Every version of an allergy on this patient's record, first first (404 for another patient's). */
    private List<Allergy> allergyOf(CurrentUser user, PatientId id, UUID allergyId) {
        List<Allergy> versions = allergies.history(user, allergyId);
        if (!versions.get(0).patientId().equals(id)) {
            throw new NotFoundException("No allergy with id " + allergyId + " on this patient's record");
        }
        return versions;
    }

    private Prescription prescriptionOf(CurrentUser user, PatientId id, UUID prescriptionId) {
        Prescription p = prescriptions.prescription(user, prescriptionId);
        if (!p.patientId().equals(id)) {
            throw new NotFoundException("No prescription with id " + prescriptionId + " on this patient's record");
        }
        return p;
    }

    private static void addOverride(List<Prescribe.Override> overrides, PrescribingCheck check, String reason) {
        if (reason != null && !reason.isBlank()) {
            overrides.add(new Prescribe.Override(check, reason));
        }
    }

    private static List<LocalTime> times(String typed, BindingResult errors) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(typed.strip().split("[\\s,;]+")).map(LocalTime::parse).toList();
        } catch (DateTimeParseException e) {
            errors.rejectValue("times", "invalid", "Times of day must be on the 24-hour clock, such as 08:00 or "
                    + "08:00 20:00");
            return List.of();
        }
    }
}
