package org.homeward.notification.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.homeward.notification.NotificationService;
import org.homeward.notification.NotificationView;
import org.homeward.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class NotificationPageController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final NotificationService notifications;
    private final Clock clock;

    NotificationPageController(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    record Row(String subject, String body, String link, String when, boolean unread) {
    }

    @GetMapping("/notifications")
    String page(CurrentUser user, Model model) {
        model.addAttribute("rows", notifications.mine(user).stream().map(this::row).toList());
        return "notification/list";
    }

    @PostMapping("/notifications/read")
    String read(CurrentUser user, RedirectAttributes redirect) {
        int marked = notifications.markAllRead(user);
        redirect.addFlashAttribute("message", marked == 1 ? "1 notification marked as read" : marked + " notifications marked as read");
        return "redirect:/notifications";
    }

    private Row row(NotificationView n) {
        return new Row(n.subject(), n.body(), n.link(), WHEN.format(n.createdAt().atZone(clock.getZone())), n.unread());
    }
}
