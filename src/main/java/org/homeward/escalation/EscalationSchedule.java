package org.homeward.escalation;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Duration;
import org.homeward.shared.RecurringJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the time-driven parts of escalation: unacknowledged alerts climb the tiers, and overdue observations raise
 * missed-reading alerts. Every {@code homeward.escalation.check-every} (default one minute). The work is in
 * {@link AlertService} with the time passed in, so tests drive it with any clock. With two or more app nodes each
 * check runs on one node only ({@link RecurringJob}): a tier climbs once, a missed reading raises one alert.
 */
@Configuration(proxyBeanMethods = false)
class EscalationSchedule {

    private static final Logger log = LoggerFactory.getLogger(EscalationSchedule.class);

    private final AlertService alerts;
    private final Clock clock;

    EscalationSchedule(AlertService alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> escalationCheck(@Value("${homeward.escalation.check-every:PT1M}") Duration every) {
        return RecurringJob.every("escalation-check", every, this::check);
    }

    void check() {
        int handedBack = alerts.handBackAtOpening(clock.instant());
        int climbed = alerts.escalateUnacknowledged(clock.instant());
        int missed = alerts.raiseMissedReadings(clock.instant());
        if (handedBack + climbed + missed > 0) {
            log.info("Escalation check: {} alert(s) handed back to the day team, {} moved to the next tier, {} missed-reading alert(s) raised",
                    handedBack, climbed, missed);
        }
    }
}
