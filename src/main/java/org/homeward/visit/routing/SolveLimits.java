package org.homeward.visit.routing;

import java.time.Duration;

/**
 * When the solver stops improving a plan. A time limit suits people waiting for a plan; step counts make a solve
 * repeatable, whatever the machine's speed, which is what tests need.
 *
 * @param timeLimit stop after this long (null: no time limit)
 * @param localSearchSteps stop local search after this many steps (0: no step limit)
 * @param unimprovedSteps stop local search after this many steps without a better plan (0: no such limit)
 * @param unimprovedTime stop each local search phase after this long without a better plan (null: no such limit).
 *                       On a small day every move can be worse than the plan in hand, and a local-search step then
 *                       never ends, so step limits never fire; this one does, whoever is waiting for the plan
 */
public record SolveLimits(Duration timeLimit, long localSearchSteps, long unimprovedSteps, Duration unimprovedTime) {

    public SolveLimits {
        if (timeLimit == null && localSearchSteps <= 0 && unimprovedSteps <= 0 && unimprovedTime == null) {
            throw new IllegalArgumentException("a solve needs at least one limit, or it never stops");
        }
    }

    public SolveLimits(Duration timeLimit, long localSearchSteps, long unimprovedSteps) {
        this(timeLimit, localSearchSteps, unimprovedSteps, null);
    }

    public static SolveLimits timeLimit(Duration timeLimit) {
        return new SolveLimits(timeLimit, 0, 0);
    }

    public static SolveLimits steps(long localSearchSteps) {
        return new SolveLimits(null, localSearchSteps, 0);
    }

    public SolveLimits orUnimprovedFor(long steps) {
        return new SolveLimits(timeLimit, localSearchSteps, steps, unimprovedTime);
    }

    /** These limits, and stop each local search phase once it has gone {@code time} without a better plan. */
    public SolveLimits orUnimprovedFor(Duration time) {
        return new SolveLimits(timeLimit, localSearchSteps, unimprovedSteps, time);
    }

    /** This share of the time and of the step limit (at least a millisecond or a step), for one stage of a solve. */
    SolveLimits share(double fraction) {
        Duration time = timeLimit == null ? null
                : Duration.ofMillis(Math.max(1, Math.round(timeLimit.toMillis() * fraction)));
        long steps = localSearchSteps <= 0 ? 0 : Math.max(1, Math.round(localSearchSteps * fraction));
        return new SolveLimits(time, steps, unimprovedSteps, unimprovedTime);
    }
}
