package org.homeward.observation.web;

import org.homeward.observation.HomeLinkService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The home readings link on the patient's record: whether one works, who issued it and until when, and revoking it.
 * Issuing a new one (which revokes the old) is the record's "Create a home readings link" button.
 */
@Controller
class HomeLinkPageController {

    private final HomeLinkService links;

    HomeLinkPageController(HomeLinkService links) {
        this.links = links;
    }

    /** The section the patient's record loads into itself (htmx). */
    @GetMapping("/patients/{id}/home-links/section")
    String section(CurrentUser user, @PathVariable PatientId id, Model model) {
        model.addAttribute("patientId", id);
        model.addAttribute("activeLink", links.activeLink(user, id).orElse(null));
        return "observation/home-links :: linksSection";
    }

    @PostMapping("/patients/{id}/home-links/revocation")
    String revoke(CurrentUser user, @PathVariable PatientId id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            links.revoke(user, id, reason);
            redirect.addFlashAttribute("message", "The home readings link was revoked: it no longer works. "
                    + "Create a new one when the patient or carer needs it.");
        } catch (RefusedException | org.homeward.shared.InvalidInputException e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/patients/" + id + "#home-links";
    }
}
