package org.homeward.escalation.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.homeward.escalation.AlertView;

/**
 * How the alert pages put times and order into words: 14:05 for today, 4 December 2026, 15:46 otherwise, in the
 * service's time zone; and the key a live board keeps its rows in order by (the board's own order: most severe
 * first, then the soonest deadline).
 */
final class BoardWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final Clock clock;
    private final LocalDate today;

    BoardWords(Clock clock) {
        this.clock = clock;
        this.today = LocalDate.now(clock);
    }

    public String when(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(clock.getZone());
        return at.toLocalDate().equals(today) ? TIME.format(at) : DAY_AND_TIME.format(at);
    }

    /** Always with the day: for the history, where a time alone would be ambiguous on a page of many days. */
    public String dayAndTime(Instant instant) {
        return instant == null ? "" : DAY_AND_TIME.format(instant.atZone(clock.getZone()));
    }

    public boolean overdue(AlertView alert) {
        return alert.respondBy().isBefore(clock.instant());
    }

    /** Sorts as text in the board's order: severity (most severe first), then the deadline. */
    public String order(AlertView alert) {
        int rank = 3 - alert.severity().ordinal();
        return rank + "-" + String.format("%015d", Math.max(0, alert.respondBy().toEpochMilli()));
    }
}
