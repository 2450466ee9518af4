package org.homeward.medication;

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
 * Every {@code homeward.medication.late-dose-check-every} (default five minutes), sets the late doses' tasks and raises
 * the missed time-critical doses' alerts ({@link AdministrationService#checkLateDoses}). The work takes the time as an
 * argument, so tests drive it with the test clock. With two or more app nodes it runs on one node only.
 */
@Configuration(proxyBeanMethods = false)
class LateDoseSchedule {

    private static final Logger log = LoggerFactory.getLogger(LateDoseSchedule.class);

    private final AdministrationService administrations;
    private final Clock clock;

    LateDoseSchedule(AdministrationService administrations, Clock clock) {
        this.administrations = administrations;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> lateDoseCheck(@Value("${homeward.medication.late-dose-check-every:PT5M}") Duration every) {
        return RecurringJob.every("late-dose-check", every, this::check);
    }

    void check() {
        int raised = administrations.checkLateDoses(clock.instant());
        if (raised > 0) {
            log.warn("Late-dose check: {} task(s) and alert(s) raised for charted doses not recorded", raised);
        }
    }
}
