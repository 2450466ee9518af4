package org.homeward.patient.web;

import jakarta.validation.Valid;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.homeward.patient.AddToCareTeam;
import org.homeward.patient.BreakGlassAccess;
import org.homeward.patient.BreakGlassRelationship;
import org.homeward.patient.CareTeamMember;
import org.homeward.patient.OpenBreakGlass;
import org.homeward.patient.PatientNotFoundException;
import org.homeward.patient.PatientService;
import org.homeward.patient.RemoveFromCareTeam;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.SecurityService;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The care team page (who shares the patient's care, and a senior's changes with a reason), the break-glass form,
 * and the governance list of break-glass openings.
 */
@Controller
class CareTeamPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm");

    private final PatientService patients;
    private final SecurityService security;
    private final java.time.Clock clock;

    CareTeamPageController(PatientService patients, SecurityService security, java.time.Clock clock) {
        this.patients = patients;
        this.security = security;
        this.clock = clock;
    }

    @GetMapping("/patients/{id}/care-team")
    String careTeam(CurrentUser user, @PathVariable PatientId id, Model model) {
        model.addAttribute("form", new AddToCareTeam(null, null));
        return careTeamPage(user, id, model);
    }

    @PostMapping("/patients/{id}/care-team")
    String add(CurrentUser user, @PathVariable PatientId id, @Valid @ModelAttribute("form") AddToCareTeam form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                patients.addToCareTeam(user, id, form);
                redirect.addFlashAttribute("message", "Added " + security.organisation(form.organisationId()).name()
                        + " to the care team");
                return "redirect:/patients/" + id + "/care-team";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return careTeamPage(user, id, model);
    }

    @GetMapping("/patients/{id}/care-team/{organisationId}/removal")
    String removalForm(CurrentUser user, @PathVariable PatientId id, @PathVariable OrganisationId organisationId,
            Model model) {
        model.addAttribute("form", new RemoveFromCareTeam(null));
        return removalPage(user, id, organisationId, model);
    }

    @PostMapping("/patients/{id}/care-team/{organisationId}/removal")
    String remove(CurrentUser user, @PathVariable PatientId id, @PathVariable OrganisationId organisationId,
            @Valid @ModelAttribute("form") RemoveFromCareTeam form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                patients.removeFromCareTeam(user, id, organisationId, form);
                redirect.addFlashAttribute("message", "Removed " + security.organisation(organisationId).name()
                        + " from the care team");
                return "redirect:/patients/" + id + "/care-team";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return removalPage(user, id, organisationId, model);
    }

    @GetMapping("/break-glass")
    String breakGlassForm(@RequestParam(required = false) PatientId patientId,
            @RequestParam(required = false) String nhsNumber, Model model) {
        model.addAttribute("form", new OpenBreakGlass(patientId, nhsNumber, null, null));
        return breakGlassPage(model);
    }

    @PostMapping("/break-glass")
    String breakGlass(CurrentUser user, @Valid @ModelAttribute("form") OpenBreakGlass form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                BreakGlassAccess access = patients.breakGlass(user, form);
                redirect.addFlashAttribute("message", "You may open this record until "
                        + TIME.format(access.expiresAt().atZone(clock.getZone()))
                        + ". Your reason is recorded and your organisation's governance lead is told.");
                return "redirect:/patients/" + access.patientId();
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return breakGlassPage(model);
    }

    @GetMapping("/governance/break-glass")
    String governance(CurrentUser user, Model model) {
        model.addAttribute("openings", patients.breakGlassForGovernance(user));
        model.addAttribute("now", clock.instant());
        return "patient/break-glass-log";
    }

    private String careTeamPage(CurrentUser user, PatientId id, Model model) {
        List<CareTeamMember> team = patients.careTeam(user, id);
        Set<OrganisationId> inTeam = team.stream().map(CareTeamMember::organisationId).collect(Collectors.toSet());
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("careTeam", team);
        model.addAttribute("candidates", security.organisations().stream()
                .filter(o -> o.type().sharesCare() && !inTeam.contains(o.id())).toList());
        return "patient/care-team";
    }

    private String removalPage(CurrentUser user, PatientId id, OrganisationId organisationId, Model model) {
        Organisation organisation = security.organisation(organisationId);
        model.addAttribute("patient", patients.record(user, id));
        model.addAttribute("organisation", organisation);
        return "patient/care-team-removal";
    }

    private static String breakGlassPage(Model model) {
        model.addAttribute("relationships", BreakGlassRelationship.values());
        return "patient/break-glass";
    }

    /**
     * A patient page refused because the patient is not in the user's organisation's care (or not registered: the
     * page is the same, so it reveals nothing) offers the break-glass form for the patient the user named.
     */
    @ControllerAdvice(annotations = Controller.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class NotInCarePage {

        @ExceptionHandler(PatientNotFoundException.class)
        ModelAndView notInCare(PatientNotFoundException e) {
            ModelAndView page = new ModelAndView("patient/not-in-care", HttpStatus.NOT_FOUND);
            page.addObject("detail", e.getMessage());
            page.addObject("form", new OpenBreakGlass(e.patientId(),
                    e.nhsNumber() == null ? null : e.nhsNumber().value(), null, null));
            page.addObject("relationships", BreakGlassRelationship.values());
            return page;
        }
    }
}
