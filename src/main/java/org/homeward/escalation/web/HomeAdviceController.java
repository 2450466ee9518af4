package org.homeward.escalation.web;

import org.homeward.escalation.CarerAdvice;
import org.homeward.escalation.ConcernService;
import org.homeward.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The personal link's pages after readings are sent (what happens now and what to do, with the number for this time
 * of day) and "I am worried". No account: the link is the key, as for the readings page.
 */
@Controller
class HomeAdviceController {

    private final ConcernService concerns;

    HomeAdviceController(ConcernService concerns) {
        this.concerns = concerns;
    }

    record Worry(String words) {
    }

    @GetMapping("/home/{token}/advice")
    String advice(@PathVariable String token, Model model) {
        CarerAdvice advice = concerns.adviceForHome(token);
        model.addAttribute("token", token);
        model.addAttribute("advice", advice);
        return "escalation/home-advice";
    }

    @GetMapping("/home/{token}/worried")
    String worried(@PathVariable String token, Model model) {
        model.addAttribute("advice", concerns.adviceForHome(token));
        model.addAttribute("token", token);
        model.addAttribute("form", new Worry(null));
        return "escalation/home-worried";
    }

    @PostMapping("/home/{token}/worried")
    String raise(@PathVariable String token, Worry form, Model model, RedirectAttributes redirect) {
        try {
            concerns.raiseFromHome(token, form.words());
        } catch (InvalidInputException e) {
            model.addAttribute("advice", concerns.adviceForHome(token));
            model.addAttribute("token", token);
            model.addAttribute("form", form);
            model.addAttribute("problem", e.getMessage());
            return "escalation/home-worried";
        }
        redirect.addFlashAttribute("concernSent", true);
        return "redirect:/home/" + token + "/advice";
    }
}
