package org.homeward.referral;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Length-of-stay arithmetic, in calendar days: the one day-of-stay rule every page and number uses (ward census,
 * service overview, admission and discharge summary, the commissioner's counts).
 *
 * <ul>
 *   <li>Length of stay: midnights between the admission date and the discharge date (or today while admitted); a
 *       patient admitted and discharged on the same day has a length of stay of 0, as in NHS hospital episode
 *       statistics.</li>
 *   <li>Day of stay: the admission date is day 1.</li>
 *   <li>The 14-day flag: the specification says "the expected length of stay shall not exceed 14 days" (spec 3.12;
 *       KLoE 10.2 "up to 14 days"). Counting the admission day as day 1, day 14 is the last day within the expected
 *       maximum, so the flag shows from day of stay 14 onwards (13 midnights): the board round on day 14 reviews the
 *       patient while the stay is still within 14 days, not on day 15 once it has passed.</li>
 *   <li>An estimated discharge date falls on a day of stay too: one after day 14 needs a reason, one after day
 *       {@link #LONGEST_ESTIMATE_DAYS} is refused ({@link EstimatedDischarge}).</li>
 * </ul>
 */
public final class LengthOfStay {

    public static final int EXPECTED_MAXIMUM_DAYS = 14;

    /** The furthest an estimated discharge date may be from the admission date, in days; beyond is not an estimate. */
    public static final int LONGEST_ESTIMATE_DAYS = 60;

    private LengthOfStay() {
    }

    public static int days(LocalDate admissionDate, LocalDate untilDate) {
        return Math.toIntExact(ChronoUnit.DAYS.between(admissionDate, untilDate));
    }

    public static int dayOfStay(LocalDate admissionDate, LocalDate today) {
        return days(admissionDate, today) + 1;
    }

    public static int daysOverEstimatedDischarge(LocalDate estimatedDischargeDate, LocalDate today) {
        return Math.max(0, days(estimatedDischargeDate, today));
    }

    /** True from day of stay 14 onwards: the day the stay reaches the expected maximum of 14 days (spec 3.12). */
    public static boolean reachedExpectedMaximum(LocalDate admissionDate, LocalDate today) {
        return dayOfStay(admissionDate, today) >= EXPECTED_MAXIMUM_DAYS;
    }

    /** True when {@code date} falls after day of stay 14, beyond the expected maximum length of stay. */
    public static boolean beyondExpectedMaximum(LocalDate admissionDate, LocalDate date) {
        return dayOfStay(admissionDate, date) > EXPECTED_MAXIMUM_DAYS;
    }
}
