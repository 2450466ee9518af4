package org.homeward.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /**
     * The sign-in page. After a refused sign-in it says until when ({@code locked}: the username was locked after
     * repeated failures; {@code throttled}: the address was). Only a time of day is ever shown from the address bar.
     */
    @GetMapping("/login")
    String login(@RequestParam(required = false) String locked, @RequestParam(required = false) String throttled,
            Model model) {
        if (isTimeOfDay(locked)) {
            model.addAttribute("lockedUntil", locked);
        }
        if (isTimeOfDay(throttled)) {
            model.addAttribute("throttledUntil", throttled);
        }
        return "login";
    }

    private static boolean isTimeOfDay(String text) {
        return text != null && text.matches("([01][0-9]|2[0-3]):[0-5][0-9]");
    }
}
