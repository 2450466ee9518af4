package org.homeward.referral;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Length-of-stay arithmetic, in calendar days, as the census and the discharge record use it.
 *
 * <ul>
 *   <li>Length of stay: midnights between the admission date and the discharge date (or today while admitted); a
 *       patient admitted and discharged on the same day has a length of stay of 0, as in NHS hospital episode
 *       statistics.</li>
 *   <li>Day of stay: the admission date is day 1.</li>
 *   <li>The 14-day flag (spec 3.12, KLoE 10.2) is raised once the length of stay reaches 14 days, so the board round
 *       reviews the patient when the expected maximum is reached, not after it has passed.</li>
 * </ul>
 */
public final class LengthOfStay {

    public static final int EXPECTED_MAXIMUM_DAYS = 14;

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

    public static boolean reachedExpectedMaximum(LocalDate admissionDate, LocalDate today) {
        return days(admissionDate, today) >= EXPECTED_MAXIMUM_DAYS;
    }
}
