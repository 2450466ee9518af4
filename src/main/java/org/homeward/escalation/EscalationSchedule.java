package org.homeward.escalation;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the time-driven parts of escalation: unacknowledged alerts climb the tiers, and overdue observations raise
 * missed-reading alerts. Every {@code homeward.escalation.check-every} (default one minute). The work is in
 * {@link AlertService} with the time passed in, so tests drive it with any clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EscalationSchedule {

    private static final Logger log = LoggerFactory.getLogger(EscalationSchedule.class);

    private final AlertService alerts;
    private final Clock clock;

    EscalationSchedule(AlertService alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${homeward.escalation.check-every:PT1M}",
            initialDelayString = "${homeward.escalation.check-every:PT1M}")
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
