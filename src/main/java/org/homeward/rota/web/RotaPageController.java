package org.homeward.rota.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.homeward.rota.OnCall;
import org.homeward.rota.RotaService;
import org.homeward.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class RotaPageController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final RotaService rota;
    private final Clock clock;

    RotaPageController(RotaService rota, Clock clock) {
        this.rota = rota;
        this.clock = clock;
    }

    record Row(String ward, String tier, String person, String jobTitle, String from, String until) {
    }

    @GetMapping("/on-call")
    String onCall(CurrentUser user, Model model) {
        List<Row> rows = rota.onCallNow(user).stream().map(this::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("now", WHEN.format(clock.instant().atZone(clock.getZone())));
        return "rota/on-call";
    }

    private Row row(OnCall entry) {
        return new Row(entry.wardName(), entry.tier().label(), entry.userName(), entry.jobTitle(),
                WHEN.format(entry.startsAt().atZone(clock.getZone())), WHEN.format(entry.endsAt().atZone(clock.getZone())));
    }
}
