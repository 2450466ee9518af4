package org.homeward.referral;

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
 * Every {@code homeward.referral.triage-check-every} (default one minute), notices referrals still awaiting triage
 * past their target ({@link ReferralService#noticeOverdueTriage}). The work takes the time as an argument, so tests
 * drive it with any clock. With two or more app nodes it runs on one node only ({@link RecurringJob}).
 */
@Configuration(proxyBeanMethods = false)
class TriageClock {

    private static final Logger log = LoggerFactory.getLogger(TriageClock.class);

    private final ReferralService referrals;
    private final Clock clock;

    TriageClock(ReferralService referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> triageCheck(@Value("${homeward.referral.triage-check-every:PT1M}") Duration every) {
        return RecurringJob.every("triage-check", every, this::check);
    }

    void check() {
        int noticed = referrals.noticeOverdueTriage(clock.instant());
        if (noticed > 0) {
            log.warn("Triage check: {} referral(s) not triaged by their target", noticed);
        }
    }
}
