package org.homeward.referral;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every {@code homeward.referral.triage-check-every} (default one minute), notices referrals still awaiting triage
 * past their target ({@link ReferralService#noticeOverdueTriage}). The work takes the time as an argument, so tests
 * drive it with any clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TriageClock {

    private static final Logger log = LoggerFactory.getLogger(TriageClock.class);

    private final ReferralService referrals;
    private final Clock clock;

    TriageClock(ReferralService referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${homeward.referral.triage-check-every:PT1M}",
            initialDelayString = "${homeward.referral.triage-check-every:PT1M}")
    void check() {
        int noticed = referrals.noticeOverdueTriage(clock.instant());
        if (noticed > 0) {
            log.warn("Triage check: {} referral(s) not triaged by their target", noticed);
        }
    }
}
