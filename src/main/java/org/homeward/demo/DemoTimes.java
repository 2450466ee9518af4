package org.homeward.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Times in the demo, relative to the moment the plan is made. Each journey is laid out backwards from its admission
 * (or decision) with positive gaps, so referral, decision, accountability transfer and admission are always in order
 * and never in the future, whatever the time of day the service starts.
 */
final class DemoTimes {

    private final DemoRandom random;
    private final ZonedDateTime now;

    DemoTimes(DemoRandom random, ZonedDateTime now) {
        this.random = random;
        this.now = now;
    }

    LocalDate today() {
        return now.toLocalDate();
    }

    LocalDate daysAgo(int days) {
        return today().minusDays(days);
    }

    /** A time on {@code date} between the whole hours {@code fromHour} and {@code toHour} (exclusive). */
    Instant during(LocalDate date, int fromHour, int toHour) {
        return date.atTime(random.between(fromHour, toHour - 1), random.between(0, 59)).atZone(now.getZone())
                .toInstant();
    }

    /** {@code time}, or a little before now if it would be later than that. */
    Instant notLaterThanRecently(Instant time) {
        Instant recent = minutesAgo(20, 60);
        return time.isAfter(recent) ? recent : time;
    }

    Instant minutesAgo(int min, int max) {
        return now.toInstant().minus(Duration.ofMinutes(random.between(min, max)));
    }

    Instant before(Instant time, int minMinutes, int maxMinutes) {
        return time.minus(Duration.ofMinutes(random.between(minMinutes, maxMinutes)));
    }

    Instant after(Instant time, int minMinutes, int maxMinutes) {
        return time.plus(Duration.ofMinutes(random.between(minMinutes, maxMinutes)));
    }

    static Instant halfwayBetween(Instant from, Instant to) {
        return from.plus(Duration.between(from, to).dividedBy(2)).truncatedTo(ChronoUnit.MINUTES);
    }

    LocalDate dateOf(Instant time) {
        return time.atZone(now.getZone()).toLocalDate();
    }
}
