package org.homeward.ward.web;

import jakarta.validation.Valid;
import java.time.LocalTime;
import java.util.List;
import org.homeward.security.Organisation;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.WardId;
import org.homeward.ward.SetCareOrganisations;
import org.homeward.ward.WardCareOrganisation;
import org.homeward.ward.WardCareRole;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RefusedException;
import org.homeward.ward.CreateWard;
import org.homeward.ward.Pathway;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class WardPageController {

    private final WardService wards;
    private final SecurityService security;

    WardPageController(WardService wards, SecurityService security) {
        this.wards = wards;
        this.security = security;
    }

    @GetMapping("/wards")
    String wards(Model model) {
        model.addAttribute("wards", wards.wards());
        model.addAttribute("careOrganisations", wards.wards().stream()
                .collect(java.util.stream.Collectors.toMap(VirtualWard::id, w -> wards.careOrganisations(w.id()))));
        model.addAttribute("organisations", security.organisations());
        return "ward/list";
    }

    @GetMapping("/wards/new")
    String newWard(CurrentUser user, Model model) {
        model.addAttribute("form", new CreateWard(null, null, null, null, LocalTime.of(8, 0), LocalTime.of(20, 0),
                null, null, null, null, null, null));
        return formPage(model);
    }

    @PostMapping("/wards")
    String create(CurrentUser user, @Valid @ModelAttribute("form") CreateWard form, BindingResult errors,
            @RequestParam(name = "visitingOrganisationIds", required = false) List<OrganisationId> visiting,
            Model model, RedirectAttributes redirect) {
        List<OrganisationId> chosen = visiting == null ? List.of() : visiting;
        if (!errors.hasErrors()) {
            try {
                VirtualWard ward = wards.create(user, form, new SetCareOrganisations(chosen));
                redirect.addFlashAttribute("message", "Opened " + ward.name() + " with " + ward.bedCapacity() + " beds");
                return "redirect:/wards";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            } catch (ForbiddenException e) {
                errors.rejectValue("hostOrganisationId", "forbidden", e.getMessage());
            }
        }
        model.addAttribute("visiting", chosen);
        return formPage(model);
    }

    @GetMapping("/wards/{id}/care-organisations")
    String careOrganisations(@PathVariable WardId id, Model model) {
        model.addAttribute("visiting", wards.careOrganisations(id).stream()
                .filter(c -> c.role() == WardCareRole.VISITING).map(WardCareOrganisation::organisationId).toList());
        return careOrganisationsPage(id, model);
    }

    @PostMapping("/wards/{id}/care-organisations")
    String setCareOrganisations(CurrentUser user, @PathVariable WardId id,
            @RequestParam(name = "visitingOrganisationIds", required = false) List<OrganisationId> visiting,
            Model model, RedirectAttributes redirect) {
        List<OrganisationId> chosen = visiting == null ? List.of() : visiting;
        try {
            wards.setCareOrganisations(user, id, new SetCareOrganisations(chosen));
            redirect.addFlashAttribute("message", "Saved who shares the care of " + wards.ward(id).name()
                    + "'s patients; it applies to admissions from now on");
            return "redirect:/wards";
        } catch (InvalidInputException | RefusedException | ForbiddenException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("visiting", chosen);
            return careOrganisationsPage(id, model);
        }
    }

    private String careOrganisationsPage(WardId id, Model model) {
        VirtualWard ward = wards.ward(id);
        model.addAttribute("ward", ward);
        model.addAttribute("providers", providers().stream().filter(o -> !o.id().equals(ward.hostOrganisationId()))
                .toList());
        model.addAttribute("host", security.organisation(ward.hostOrganisationId()));
        return "ward/care-organisations";
    }

    private List<Organisation> providers() {
        return security.organisations().stream().filter(o -> o.type().hostsWards()).toList();
    }

    private String formPage(Model model) {
        model.addAttribute("pathways", Pathway.values());
        model.addAttribute("organisations", providers());
        if (!model.containsAttribute("visiting")) {
            model.addAttribute("visiting", List.of());
        }
        return "ward/form";
    }
}
