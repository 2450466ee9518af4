package org.homeward.medication.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.homeward.medication.AdministrationOutcome;
import org.homeward.medication.AdministrationService;
import org.homeward.medication.DoseLine;
import org.homeward.medication.NotGivenReason;
import org.homeward.medication.RecordAdministration;
import org.homeward.medication.Route;
import org.homeward.medication.SecondCheckHow;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's charted doses of a day (the nurse at the door opens it from the visit), each due, late, missed, given
 * or not given, and the form that records one dose as given (time, dose, route, site, batch and expiry, second
 * checker) or not given with a reason.
 */
@Controller
class DosesPageController {

    private final AdministrationService administrations;
    private final org.homeward.medication.PrescriptionService prescriptions;
    private final org.homeward.medication.GrabBagService grabBags;
    private final PatientService patients;
    private final Clock clock;

    DosesPageController(AdministrationService administrations,
            org.homeward.medication.PrescriptionService prescriptions, org.homeward.medication.GrabBagService grabBags,
            PatientService patients, Clock clock) {
        this.prescriptions = prescriptions;
        this.grabBags = grabBags;
        this.administrations = administrations;
        this.patients = patients;
        this.clock = clock;
    }

    /** The record-a-dose form; {@code givenTime} is the time of day, as a phone's time box gives it. */
    record DoseForm(String doseKey, AdministrationOutcome outcome, String givenTime, BigDecimal dose, Route route,
            String site, java.util.UUID bagItemId, String batch, LocalDate expiry, String secondChecker, SecondCheckHow secondCheckHow,
            NotGivenReason notGivenReason, String note) {
    }

    @GetMapping("/patients/{id}/doses")
    String doses(CurrentUser user, @PathVariable PatientId id, @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("date", day);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("lines", administrations.dosesOn(user, id, day));
        return "medication/doses";
    }

    @GetMapping("/patients/{id}/doses/record")
    String form(CurrentUser user, @PathVariable PatientId id, @RequestParam String key, Model model) {
        DoseLine line = line(user, id, key);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DoseForm(key, null, null, null, null, null, null, null, null, null, null,
                    null, null));
        }
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("line", line);
        // the grab-bag items of this medicine the user's team may take it from, nearest expiry first
        model.addAttribute("bagItems", user.can(org.homeward.security.Permission.USE_GRAB_BAGS)
                && user.can(org.homeward.security.Permission.SEE_GRAB_BAGS)
                ? grabBags.usableItems(user, prescriptions.prescription(user, line.dose().prescriptionId())
                        .formularyEntryId()) : List.of());
        model.addAttribute("outcomes", AdministrationOutcome.values());
        model.addAttribute("routes", Route.values());
        model.addAttribute("hows", SecondCheckHow.values());
        model.addAttribute("reasons", NotGivenReason.values());
        return "medication/dose";
    }

    @PostMapping("/patients/{id}/doses/record")
    String record(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("form") DoseForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var made = administrations.record(user, id, new RecordAdministration(form.doseKey(), form.outcome(),
                        givenAt(form), form.dose(), form.route(), form.site(), form.batch(), form.expiry(), form.bagItemId(),
                        form.secondChecker(), form.secondCheckHow(), form.notGivenReason(), form.note()));
                redirect.addFlashAttribute("message", made.medicine() + ": " + (made.given() ? "given, recorded"
                        : made.words().toLowerCase() + ", recorded"));
                return "redirect:/patients/" + id.value() + "/doses?date="
                        + made.dueAt().atZone(clock.getZone()).toLocalDate();
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return form(user, id, form.doseKey(), model);
    }

    /** The time given on the dose's day (the dose key names the day); now when left empty. */
    private Instant givenAt(DoseForm form) {
        if (form.outcome() != AdministrationOutcome.GIVEN || form.givenTime() == null || form.givenTime().isBlank()) {
            return null;
        }
        LocalTime time;
        try {
            time = LocalTime.parse(form.givenTime().trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("givenTime", "Give the time as hours and minutes, like 09:05");
        }
        String[] parts = form.doseKey() == null ? new String[0] : form.doseKey().split("/");
        LocalDate day = parts.length == 3 ? LocalDate.parse(parts[1]) : LocalDate.now(clock);
        return ZonedDateTime.of(day, time, clock.getZone()).toInstant();
    }

    private DoseLine line(CurrentUser user, PatientId id, String key) {
        String[] parts = key == null ? new String[0] : key.split("/");
        LocalDate day;
        try {
            day = parts.length == 3 ? LocalDate.parse(parts[1]) : null;
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            throw new NotFoundException("No such dose: " + key);
        }
        List<DoseLine> lines = administrations.dosesOn(user, id, day);
        return lines.stream().filter(l -> l.dose().key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such dose: " + key));
    }
}
