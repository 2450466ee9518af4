package org.homeward.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The range of dates Homeward accepts from anyone, and the narrower rule for a date of birth. Java reads dates far
 * outside any patient's life ("0000-01-01", "-999999999-01-01"), and PostgreSQL then stores some as -infinity and
 * refuses others, so an impossible date either corrupts a record (an age of two billion years picks the adult early
 * warning score) or surfaces as a misleading 409. Every date or time that arrives in a request is checked here: the
 * JSON reader and the form binder call {@link #problemWith(LocalDate)} and {@link #problemWith(Instant)} for every
 * value, and the patient module calls {@link #requireDateOfBirth} for a birth date.
 */
public final class PlausibleDates {

    /** Nobody in Homeward's care was born, admitted or visited before this. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Nothing Homeward plans (a discharge, a visit, a rota) is set after this. */
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LATEST_INSTANT = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private PlausibleDates() {
    }

    /** Why this date cannot be accepted, or {@code null} if it is within the range any request may use. */
    public static String problemWith(LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            return "must be between " + EARLIEST + " and " + LATEST + " (was " + date + ")";
        }
        return null;
    }

    /** Why this moment cannot be accepted, or {@code null} if it is within the range any request may use. */
    public static String problemWith(Instant instant) {
        if (instant != null && (instant.isBefore(EARLIEST_INSTANT) || !instant.isBefore(LATEST_INSTANT))) {
            return "must be between " + EARLIEST + " and " + LATEST + " (was " + instant + ")";
        }
        return null;
    }

    /**
     * A date of birth must be on or after {@link #EARLIEST} and not after today (in the service's time zone).
     *
     * @throws InvalidInputException naming the field otherwise
     */
    public static void requireDateOfBirth(String field, LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth == null) {
            return;
        }
        if (dateOfBirth.isAfter(today)) {
            throw new InvalidInputException(field, "Date of birth must not be in the future");
        }
        if (dateOfBirth.isBefore(EARLIEST)) {
            throw new InvalidInputException(field, "Date of birth must not be before 1 January 1900");
        }
    }
}
