package org.homeward.observation.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The chart's time axis, worked out here in the service's time zone rather than by the browser's locale: sets all on
 * one day are labelled by time of day ("08:00", "14:00"), sets over several days by date at midnight ("4 Dec").
 * At most {@link #MAX_TICKS} labels, so a phone-width axis never crowds or drops them.
 *
 * @param min the axis start (epoch milliseconds)
 * @param max the axis end (epoch milliseconds)
 * @param ticks each labelled moment
 */
record TimeAxis(long min, long max, List<Tick> ticks) {

    static final int MAX_TICKS = 6;
    private static final int[] HOUR_STEPS = {1, 2, 3, 4, 6, 12};
    private static final int[] DAY_STEPS = {1, 2, 3, 7, 14};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    record Tick(long value, String label) {
    }

    static TimeAxis of(Collection<Instant> moments, ZoneId zone) {
        if (moments.isEmpty()) {
            throw new IllegalArgumentException("A time axis needs at least one moment");
        }
        ZonedDateTime first = moments.stream().min(Instant::compareTo).orElseThrow().atZone(zone);
        ZonedDateTime last = moments.stream().max(Instant::compareTo).orElseThrow().atZone(zone);
        if (first.toLocalDate().equals(last.toLocalDate())) {
            ZonedDateTime end = last.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            for (int step : HOUR_STEPS) {
                // start on a multiple of the step (08:00, 10:00 rather than 07:00, 09:00) for readable labels
                ZonedDateTime start = first.truncatedTo(ChronoUnit.HOURS);
                start = start.withHour(start.getHour() - start.getHour() % step);
                List<Tick> ticks = new ArrayList<>();
                ZonedDateTime tick = start;
                while (tick.isBefore(end)) {
                    ticks.add(new Tick(tick.toInstant().toEpochMilli(), tick.format(TIME)));
                    tick = tick.plusHours(step);
                }
                ticks.add(new Tick(tick.toInstant().toEpochMilli(), tick.format(TIME)));
                if (ticks.size() <= MAX_TICKS) {
                    return new TimeAxis(start.toInstant().toEpochMilli(), tick.toInstant().toEpochMilli(), ticks);
                }
            }
            throw new IllegalStateException("12-hour steps always fit one day");
        }
        ZonedDateTime start = first.toLocalDate().atStartOfDay(zone);
        ZonedDateTime end = last.toLocalDate().plusDays(1).atStartOfDay(zone);
        long days = ChronoUnit.DAYS.between(start, end);
        int step = smallest(DAY_STEPS, days);
        List<Tick> ticks = new ArrayList<>();
        ZonedDateTime tick = start;
        while (tick.isBefore(end)) {
            ticks.add(new Tick(tick.toInstant().toEpochMilli(), tick.format(DATE)));
            tick = tick.toLocalDate().plusDays(step).atStartOfDay(zone);
        }
        ticks.add(new Tick(tick.toInstant().toEpochMilli(), tick.format(DATE)));
        return new TimeAxis(start.toInstant().toEpochMilli(), tick.toInstant().toEpochMilli(), ticks);
    }

    /** The smallest step that spans {@code length} in at most {@link #MAX_TICKS} - 1 intervals. */
    private static int smallest(int[] steps, long length) {
        for (int step : steps) {
            if ((length + step - 1) / step <= MAX_TICKS - 1) {
                return step;
            }
        }
        return steps[steps.length - 1] * (int) ((length + (long) steps[steps.length - 1] * (MAX_TICKS - 1) - 1)
                / ((long) steps[steps.length - 1] * (MAX_TICKS - 1)));
    }
}
