package org.homeward.notification;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends messages whose retry is due, every {@code homeward.notification.check-every} (default 30 seconds). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationSchedule {

    private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

    private final NotificationService notifications;
    private final Clock clock;

    NotificationSchedule(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${homeward.notification.check-every:PT30S}",
            initialDelayString = "${homeward.notification.check-every:PT30S}")
    void sendDue() {
        int tried = notifications.sendDue(clock.instant());
        if (tried > 0) {
            log.info("Notifications: {} message(s) retried", tried);
        }
    }
}
