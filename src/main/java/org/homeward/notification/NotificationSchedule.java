package org.homeward.notification;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import org.homeward.shared.RecurringJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends messages whose retry is due, every {@code homeward.notification.check-every} (default 30 seconds), on one
 * app node only when there are several ({@link RecurringJob}), so a retry is not sent twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationSchedule {

    private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

    private final NotificationService notifications;
    private final Clock clock;

    NotificationSchedule(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> notificationRetry(@Value("${homeward.notification.check-every:PT30S}") Duration every) {
        return RecurringJob.every("notification-retry", every, this::sendDue);
    }

    void sendDue() {
        int tried = notifications.sendDue(clock.instant());
        if (tried > 0) {
            log.info("Notifications: {} message(s) retried", tried);
        }
    }
}
