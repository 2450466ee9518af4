package org.homeward.referral;

import java.time.LocalDate;
import org.homeward.shared.DateWords;
import org.homeward.shared.InvalidInputException;

/**
 * The one rule for an estimated discharge date (EDD), at admission and at every revision (KLoE 10.1: agreed on
 * admission; spec 3.12 and KLoE 10.2: the expected length of stay is up to 14 days).
 *
 * <ul>
 *   <li>Not before the admission date.</li>
 *   <li>Not more than {@link LengthOfStay#LONGEST_ESTIMATE_DAYS} days after admission: such a date is not an
 *       estimate (a typing slip, a wrong year) and is refused.</li>
 *   <li>After day of stay 14 (the admission day is day 1; see {@link LengthOfStay}) only with a reason, so a stay
 *       planned beyond the expected maximum is a decision someone stands behind.</li>
 * </ul>
 */
final class EstimatedDischarge {

    static final int REASON_MAX = 1000;

    private EstimatedDischarge() {
    }

    /**
     * Refuses an EDD that breaks the rule, naming {@code dateField} or {@code reasonField}.
     *
     * @return the reason, trimmed, or {@code null} when none was given
     */
    static String check(LocalDate admissionDate, LocalDate edd, String reason, String dateField, String reasonField) {
        if (edd.isBefore(admissionDate)) {
            throw new InvalidInputException(dateField,
                    "The estimated discharge date must not be before the admission date (" + DateWords.day(admissionDate) + ")");
        }
        if (LengthOfStay.days(admissionDate, edd) > LengthOfStay.LONGEST_ESTIMATE_DAYS) {
            throw new InvalidInputException(dateField, "The estimated discharge date " + DateWords.day(edd) + " is more than "
                    + LengthOfStay.LONGEST_ESTIMATE_DAYS + " days after admission (" + DateWords.day(admissionDate)
                    + "); check the date. A hospital at home stay is expected to last up to 14 days");
        }
        String trimmed = reason == null || reason.isBlank() ? null : reason.trim();
        if (trimmed != null && trimmed.length() > REASON_MAX) {
            throw new InvalidInputException(reasonField, "must be at most " + REASON_MAX + " characters");
        }
        if (trimmed == null && LengthOfStay.beyondExpectedMaximum(admissionDate, edd)) {
            throw new InvalidInputException(reasonField, "Give the reason for an estimated discharge date after day "
                    + LengthOfStay.EXPECTED_MAXIMUM_DAYS + " of the stay (" + edd + " is day "
                    + LengthOfStay.dayOfStay(admissionDate, edd) + "): a stay is expected to last up to "
                    + LengthOfStay.EXPECTED_MAXIMUM_DAYS + " days");
        }
        return trimmed;
    }
}
