package org.homeward.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A patient's quiet hours: from {@code startsAt} to {@code endsAt} local time (spanning midnight when it ends
 * earlier than it starts), set by a clinician with a reason, no set of observations is expected from home, so no
 * missed-reading alert fires; a set that falls due in them is due when they end. There are none unless a clinician
 * sets them: monitoring runs through the night by default.
 *
 * <p>They never quieten close monitoring: while the patient's last score calls for sets more often than
 * {@link #HOLD_FROM_INTERVAL} (NEWS2 5 or more, a 3 in one parameter, any PEWS escalation), sets stay due through
 * the night.
 */
public record QuietHours(LocalTime startsAt, LocalTime endsAt, String reason, String setBy, Instant setAt) {

    /** Quiet hours hold only while sets are due this far apart or further (NEWS2 1-4 is 4-hourly, 0 12-hourly). */
    public static final Duration HOLD_FROM_INTERVAL = Duration.ofHours(4);
    /** At most this long: a night, not a day. */
    public static final Duration LONGEST = Duration.ofHours(12);

    public Duration length() {
        Duration d = Duration.between(startsAt, endsAt);
        return d.isNegative() ? d.plusDays(1) : d;
    }

    /** Whether {@code at} falls in quiet hours. */
    boolean covers(Instant at, ZoneId zone) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return startsAt.isBefore(endsAt) ? !t.isBefore(startsAt) && t.isBefore(endsAt)
                : !t.isBefore(startsAt) || t.isBefore(endsAt);
    }

    /** The end of the quiet period that covers {@code at} (which it must). */
    Instant endOfPeriod(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!startsAt.isBefore(endsAt) && !local.toLocalTime().isBefore(startsAt)) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, endsAt, zone).toInstant();
    }

    /**
     * When a set due at {@code due} is expected, checked at {@code now}: at the end of quiet hours if either falls in
     * them, else when due. The one rule for quiet hours; a schedule more frequent than {@link #HOLD_FROM_INTERVAL}
     * is never moved.
     */
    Instant expectedAt(Instant due, Instant now, Duration interval, ZoneId zone) {
        if (interval.compareTo(HOLD_FROM_INTERVAL) < 0) {
            return due;
        }
        if (covers(now, zone)) {
            Instant end = endOfPeriod(now, zone);
            return end.isAfter(due) ? end : due;
        }
        return covers(due, zone) ? endOfPeriod(due, zone) : due;
    }
}
