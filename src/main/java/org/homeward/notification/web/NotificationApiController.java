package org.homeward.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.homeward.notification.ContactDetails;
import org.homeward.notification.NotificationService;
import org.homeward.notification.NotificationView;
import org.homeward.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Messages to you in the app, and how alerts reach you outside it")
class NotificationApiController {

    private final NotificationService notifications;

    NotificationApiController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "Your in-app notifications, newest first")
    List<NotificationView> mine(CurrentUser user) {
        return notifications.mine(user);
    }

    @PostMapping("/read")
    @Operation(summary = "Mark all your notifications as read")
    Map<String, Integer> read(CurrentUser user) {
        return Map.of("marked", notifications.markAllRead(user));
    }

    @GetMapping("/contact")
    @Operation(summary = "Your email address and mobile number for alerts")
    ContactDetails contact(CurrentUser user) {
        return notifications.myContact(user);
    }

    @PutMapping("/contact")
    @Operation(summary = "Change your email address and mobile number for alerts")
    ContactDetails updateContact(CurrentUser user, @RequestBody ContactDetails body) {
        return notifications.updateMyContact(user, body);
    }
}
