package org.homeward.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Length of stay in midnights, day of stay from 1 (the admission day), days over the EDD, and the 14-day flag, which
 * shows from day of stay 14 (spec 3.12: the expected length of stay shall not exceed 14 days).
 */
class LengthOfStayTests {

    private static final LocalDate ADMITTED = LocalDate.of(2026, 11, 2);

    @Test
    void countsTheAdmissionDayAsDayOne() {
        assertThat(LengthOfStay.dayOfStay(ADMITTED, ADMITTED)).isEqualTo(1);
        assertThat(LengthOfStay.dayOfStay(ADMITTED, ADMITTED.plusDays(1))).isEqualTo(2);
        assertThat(LengthOfStay.dayOfStay(ADMITTED, ADMITTED.plusDays(13))).isEqualTo(14);
    }

    @Test
    void givesASameDayDischargeALengthOfStayOfZero() {
        assertThat(LengthOfStay.days(ADMITTED, ADMITTED)).isZero();
    }

    @Test
    void countsLengthOfStayInMidnights() {
        assertThat(LengthOfStay.days(ADMITTED, ADMITTED.plusDays(1))).isEqualTo(1);
        assertThat(LengthOfStay.days(ADMITTED, LocalDate.of(2026, 11, 9))).isEqualTo(7);
    }

    @Test
    void givesZeroDaysOverTheEstimatedDischargeUntilItHasPassed() {
        LocalDate edd = LocalDate.of(2026, 11, 10);
        assertThat(LengthOfStay.daysOverEstimatedDischarge(edd, edd.minusDays(3))).isZero();
        assertThat(LengthOfStay.daysOverEstimatedDischarge(edd, edd)).isZero();
        assertThat(LengthOfStay.daysOverEstimatedDischarge(edd, edd.plusDays(1))).isEqualTo(1);
        assertThat(LengthOfStay.daysOverEstimatedDischarge(edd, edd.plusDays(4))).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0} midnights, day of stay {1} -> flag {2}")
    @CsvSource({"0, 1, false", "1, 2, false", "12, 13, false", "13, 14, true", "14, 15, true", "30, 31, true"})
    void raisesTheFourteenDayFlagFromDayOfStayFourteen(int midnights, int dayOfStay, boolean flagged) {
        LocalDate today = ADMITTED.plusDays(midnights);
        assertThat(LengthOfStay.dayOfStay(ADMITTED, today)).isEqualTo(dayOfStay);
        assertThat(LengthOfStay.reachedExpectedMaximum(ADMITTED, today)).isEqualTo(flagged);
    }

    @ParameterizedTest(name = "EDD {0} days after admission (day {1}) -> beyond 14 days {2}")
    @CsvSource({"0, 1, false", "12, 13, false", "13, 14, false", "14, 15, true", "57, 58, true"})
    void placesAnEstimatedDischargeBeyondTheExpectedMaximumAfterDayFourteen(int days, int dayOfStay, boolean beyond) {
        LocalDate edd = ADMITTED.plusDays(days);
        assertThat(LengthOfStay.dayOfStay(ADMITTED, edd)).isEqualTo(dayOfStay);
        assertThat(LengthOfStay.beyondExpectedMaximum(ADMITTED, edd)).isEqualTo(beyond);
    }

    @Test
    void countsAcrossTheEndOfAMonth() {
        LocalDate admitted = LocalDate.of(2026, 10, 30);
        LocalDate today = LocalDate.of(2026, 11, 2);
        assertThat(LengthOfStay.days(admitted, today)).isEqualTo(3);
        assertThat(LengthOfStay.dayOfStay(admitted, today)).isEqualTo(4);
        assertThat(LengthOfStay.daysOverEstimatedDischarge(LocalDate.of(2026, 10, 31), today)).isEqualTo(2);
    }

    @Test
    void countsAcrossTheEndOfAYear() {
        LocalDate admitted = LocalDate.of(2026, 12, 25);
        LocalDate today = LocalDate.of(2027, 1, 8);
        assertThat(LengthOfStay.days(admitted, today)).isEqualTo(14);
        assertThat(LengthOfStay.dayOfStay(admitted, today)).isEqualTo(15);
        assertThat(LengthOfStay.reachedExpectedMaximum(admitted, LocalDate.of(2027, 1, 7))).as("day 14").isTrue();
        assertThat(LengthOfStay.reachedExpectedMaximum(admitted, LocalDate.of(2027, 1, 6))).as("day 13").isFalse();
    }

    @Test
    void countsTheLeapDayAsADay() {
        LocalDate admitted = LocalDate.of(2028, 2, 27);
        LocalDate afterLeapDay = LocalDate.of(2028, 3, 1);
        assertThat(LengthOfStay.days(admitted, afterLeapDay)).isEqualTo(3);
        assertThat(LengthOfStay.dayOfStay(admitted, LocalDate.of(2028, 2, 29))).isEqualTo(3);
        assertThat(LengthOfStay.daysOverEstimatedDischarge(LocalDate.of(2028, 2, 28), afterLeapDay)).isEqualTo(2);
        assertThat(LengthOfStay.days(LocalDate.of(2027, 2, 27), LocalDate.of(2027, 3, 1))).isEqualTo(2);
    }

    @Test
    void raisesTheFourteenDayFlagAcrossALeapFebruary() {
        // day 14 is 13 days after admission: 20 Feb 2028 + 13 is 4 Mar (29 February counts); in 2027 it is 5 Mar
        LocalDate admitted = LocalDate.of(2028, 2, 20);
        assertThat(LengthOfStay.reachedExpectedMaximum(admitted, LocalDate.of(2028, 3, 4))).isTrue();
        assertThat(LengthOfStay.reachedExpectedMaximum(admitted, LocalDate.of(2028, 3, 3))).isFalse();
        assertThat(LengthOfStay.reachedExpectedMaximum(LocalDate.of(2027, 2, 20), LocalDate.of(2027, 3, 5))).isTrue();
        assertThat(LengthOfStay.reachedExpectedMaximum(LocalDate.of(2027, 2, 20), LocalDate.of(2027, 3, 4))).isFalse();
    }

    @Test
    void admissionViewUsesTheDischargeDateOnceDischarged() {
        LocalDate discharged = ADMITTED.plusDays(3);
        AdmissionView view = new AdmissionView(null, null, null, null, null, null, null, ADMITTED,
                ADMITTED.plusDays(2), null, true, null, null, null, null, java.time.Instant.EPOCH, discharged,
                null, null, null, null, 3, null);
        LocalDate muchLater = ADMITTED.plusDays(40);
        assertThat(view.lengthOfStaySoFar(muchLater)).isEqualTo(3);
        assertThat(view.daysOverEstimatedDischarge(muchLater)).isEqualTo(1);
        assertThat(view.reachedFourteenDays(muchLater)).isFalse();
    }
}
