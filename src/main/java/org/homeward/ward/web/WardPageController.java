package org.homeward.ward.web;

import jakarta.validation.Valid;
import java.time.LocalTime;
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
import org.springframework.web.bind.annotation.PostMapping;
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
    String create(CurrentUser user, @Valid @ModelAttribute("form") CreateWard form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                VirtualWard ward = wards.create(user, form);
                redirect.addFlashAttribute("message", "Opened " + ward.name() + " with " + ward.bedCapacity() + " beds");
                return "redirect:/wards";
            } catch (InvalidInputException | RefusedException e) {
                FormErrors.add(errors, e);
            }
        }
        return formPage(model);
    }

    private String formPage(Model model) {
        model.addAttribute("pathways", Pathway.values());
        model.addAttribute("organisations", security.organisations());
        return "ward/form";
    }
}
