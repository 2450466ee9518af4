package org.homeward.medication;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The 24-hour clock of a medicines reconciliation (NICE NG5 Medicines optimisation 2015, recommendation 1.3: medicines
 * reconciliation within 24 hours of admission, sooner for time-critical medicines; NICE QS120 statement 2). The clock
 * starts at admission (for a new version asked for when the medicines changed, when it was asked for) and it is due
 * 24 hours later. Due exactly at that minute is not yet overdue; a minute after is. Words, not codes: Due in 5 hours,
 * Overdue by 2 hours, Completed (verified by ..., 19 hours after admission).
 */
public final class ReconciliationClock {

    /** NICE NG5 1.3: within 24 hours of admission. */
    public static final Duration WITHIN = Duration.ofHours(24);

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private ReconciliationClock() {
    }

    /** When a reconciliation whose clock starts at {@code startedAt} is due. */
    public static Instant dueAt(Instant startedAt) {
        return startedAt.plus(WITHIN);
    }

    /** Whether it is overdue at {@code now}: still open after its due time. */
    public static boolean overdue(ReconciliationStatus status, Instant dueAt, Instant now) {
        return status.open() && now.isAfter(dueAt);
    }

    /**
     * The clock in words for the reconciliation's page and the API.
     *
     * @param afterWhat admission, or the request for a new reconciliation
     */
    public static String words(ReconciliationStatus status, Instant startedAt, Instant dueAt, Instant verifiedAt,
            String verifiedBy, String afterWhat, Instant now, ZoneId zone) {
        return switch (status) {
            case VERIFIED -> {
                Duration took = Duration.between(startedAt, verifiedAt);
                yield (verifiedAt.isAfter(dueAt) ? "Completed late" : "Completed") + " (verified by " + verifiedBy
                        + ", " + DATE_TIME.format(verifiedAt.atZone(zone)) + ", " + span(took) + " after "
                        + afterWhat + ")";
            }
            case NOT_COMPLETED -> "Not completed before discharge (was due " + DATE_TIME.format(dueAt.atZone(zone))
                    + ")";
            case SUPERSEDED -> "Superseded by a newer reconciliation";
            case NOT_STARTED, IN_PROGRESS -> {
                if (now.isAfter(dueAt)) {
                    yield "Overdue by " + span(Duration.between(dueAt, now));
                }
                yield now.equals(dueAt) ? "Due now" : "Due in " + span(left(now, dueAt));
            }
        };
    }

    /** The clock in a few words for the board round's column: Due in 5 h, Overdue by 2 h, Verified. */
    public static String boardWords(ReconciliationStatus status, Instant dueAt, Instant verifiedAt, Instant now) {
        return switch (status) {
            case VERIFIED -> verifiedAt.isAfter(dueAt) ? "Verified (late)" : "Verified";
            case NOT_COMPLETED -> "Not completed";
            case SUPERSEDED -> "Superseded";
            case NOT_STARTED, IN_PROGRESS -> {
                if (now.isAfter(dueAt)) {
                    yield "Overdue by " + shortSpan(Duration.between(dueAt, now));
                }
                yield now.equals(dueAt) ? "Due now" : "Due in " + shortSpan(left(now, dueAt));
            }
        };
    }

    /** The time left in whole minutes, part of a minute counting as one: a moment after the start is 24 hours. */
    static Duration left(Instant now, Instant dueAt) {
        Duration left = Duration.between(now, dueAt);
        long minutes = left.toMinutes() + (left.toMinutes() * 60_000_000_000L == left.toNanos() ? 0 : 1);
        return Duration.ofMinutes(minutes);
    }

    /** Whole hours (rounded down) from an hour, else whole minutes; at least one minute. */
    static String span(Duration d) {
        long hours = d.toHours();
        if (hours >= 1) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(1, d.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    static String shortSpan(Duration d) {
        long hours = d.toHours();
        return hours >= 1 ? hours + " h" : Math.max(1, d.toMinutes()) + " min";
    }
}
