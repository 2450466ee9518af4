package org.homeward.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates in the words every page, refusal and record of Homeward uses: "5 December 2026", never an ISO date a patient
 * or nurse has to decode (NHS digital service manual, content style guide: dates). One place, so a message and a page
 * never write the same day two ways.
 */
public final class DateWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_IN_YEAR = DateTimeFormatter.ofPattern("d MMMM", Locale.UK);

    private DateWords() {
    }

    /** "5 December 2026"; null for null. */
    public static String day(LocalDate date) {
        return date == null ? null : DAY.format(date);
    }

    /** "5 December 2026 at 09:05" in the zone; null for null. */
    public static String dateTime(java.time.Instant at, java.time.ZoneId zone) {
        return at == null ? null : DAY.format(at.atZone(zone)) + " at "
                + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(zone));
    }

    /** "5 December", for a day that is plainly this year's (yesterday's assessment); null for null. */
    public static String dayOfMonth(LocalDate date) {
        return date == null ? null : DAY_IN_YEAR.format(date);
    }
}
