package org.homeward.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.support.ModuleTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The notification module with what it declares (security, started through ALL_DEPENDENCIES because no notification
 * bean injects a security one): a message to someone with no email or mobile on file is told in the app, recorded as
 * delivered, and read.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ModuleTest
class NotificationModuleIT {

    @Autowired
    NotificationService notifications;
    @Autowired
    SecurityService security;

    @Test
    void tellsSomeoneWithNoContactDetailsInTheApp() {
        Organisation trust = security.createOrganisation("NMIT1", "Notification module trust",
                OrganisationType.ACUTE_TRUST);
        CurrentUser nurse = CurrentUser.of(security.createUser("notification-module-nurse", "correct-horse-battery",
                "Nurse Note", "Staff nurse", Role.CLINICIAN, trust.id()));

        List<NotificationView> sent = notifications.notify(List.of(new Recipient(nurse.id(), nurse.displayName())),
                new Message(UUID.randomUUID(), "Alert raised", "NEWS2 7: respond within 30 minutes", null, "/alerts"));

        assertThat(sent).extracting(NotificationView::channel, NotificationView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Channel.IN_APP, NotificationStatus.DELIVERED));
        assertThat(notifications.unreadCount(nurse)).isEqualTo(1);
        assertThat(notifications.mine(nurse)).extracting(NotificationView::subject).containsExactly("Alert raised");
        notifications.markAllRead(nurse);
        assertThat(notifications.unreadCount(nurse)).isZero();
    }
}
