package org.homeward.shared;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job that runs every {@code interval} on exactly one of however many app nodes share the database. It is a
 * db-scheduler recurring task: its next run is a row in {@code scheduled_tasks}, a node takes a due run by updating
 * that row (so two nodes cannot both take it), and a node that dies mid-run stops its heartbeat so another node runs
 * it instead. Declare the result as a bean and db-scheduler's Spring Boot starter schedules it.
 *
 * <p>As with Spring's {@code @Scheduled(fixedDelay, initialDelay)} that these jobs used before, the first run is one
 * interval after the job is first scheduled and each next run one interval after the previous one finished; a run
 * already on the books (another node started first, or this node restarted) keeps its time.
 */
public final class RecurringJob {

    private RecurringJob() {
    }

    public static RecurringTask<Void> every(String name, Duration interval, Runnable work) {
        return Tasks.recurring(name, new FixedDelayFromStart(interval)).execute((instance, context) -> work.run());
    }

    /** db-scheduler's own fixed delay runs first at once on start-up; these jobs wait one interval first. */
    private record FixedDelayFromStart(Duration interval) implements Schedule {

        FixedDelayFromStart {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("A recurring job's interval must be positive: " + interval);
            }
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(interval);
        }

        @Override
        public Instant getNextExecutionTime(ExecutionComplete done) {
            return done.getTimeDone().plus(interval);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
