package org.homeward.task;

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
 * Every {@code homeward.task.check-every} (default one minute), escalates the urgent and high tasks that have passed
 * their due time, once each ({@link TaskService#escalateOverdue}). The work takes the time as an argument, so tests
 * drive it with the test clock. With two or more app nodes it runs on one node only ({@link RecurringJob}).
 */
@Configuration(proxyBeanMethods = false)
class TaskSchedule {

    private static final Logger log = LoggerFactory.getLogger(TaskSchedule.class);

    private final TaskService tasks;
    private final Clock clock;

    TaskSchedule(TaskService tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> overdueTaskCheck(@Value("${homeward.task.check-every:PT1M}") Duration every) {
        return RecurringJob.every("overdue-task-check", every, this::check);
    }

    void check() {
        int escalated = tasks.escalateOverdue(clock.instant());
        if (escalated > 0) {
            log.warn("Overdue task check: {} urgent or high task(s) escalated to their organisation's coordinators",
                    escalated);
        }
    }
}
