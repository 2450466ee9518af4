package org.homeward.medication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.homeward.shared.RefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grab-bag stock rules row by row: expiry at each edge, quantities never below zero, counts, seals. */
class StockRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @ParameterizedTest(name = "expiry {0} days from today: {1}")
    @CsvSource({
            "-400, EXPIRED",
            "-1,   EXPIRED",
            "0,    EXPIRING_SOON",
            "1,    EXPIRING_SOON",
            "29,   EXPIRING_SOON",
            "30,   EXPIRING_SOON",
            "31,   IN_DATE",
            "365,  IN_DATE"})
    void expiryIsUsableToTheEndOfItsDayAndWarnsWithinThirtyDays(int daysFromToday, ExpiryStatus status) {
        assertThat(StockRules.expiry(TODAY.plusDays(daysFromToday), TODAY)).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "5,  -5,  0",
            "5,  -1,  4",
            "0,  3,   3",
            "2.5, -0.5, 2.0",
            "5,  2,   7"})
    void quantityAfterAMovement(BigDecimal quantity, BigDecimal change, BigDecimal after) {
        assertThat(StockRules.quantityAfter(quantity, change, "Furosemide")).isEqualByComparingTo(after);
    }

    @Test
    void quantityNeverGoesBelowZeroAndTheRefusalSaysHowMuchIsLeft() {
        assertThatThrownBy(() -> StockRules.quantityAfter(new BigDecimal("2"), new BigDecimal("-3"), "Furosemide"))
                .isInstanceOf(RefusedException.class)
                .hasMessage("Not enough Furosemide in the bag: the book says 2 left and 3 were asked for");
        assertThatThrownBy(() -> StockRules.quantityAfter(BigDecimal.ZERO, new BigDecimal("-0.01"), "X"))
                .isInstanceOf(RefusedException.class);
    }

    @ParameterizedTest(name = "book {0} counted {1}: discrepancy {2}")
    @CsvSource({"5, 5, false", "5, 5.00, false", "5, 4, true", "5, 6, true", "0, 0, false", "0, 1, true"})
    void aCountThatDiffersFromTheBookIsADiscrepancy(BigDecimal book, BigDecimal counted, boolean discrepancy) {
        assertThat(StockRules.discrepancy(book, counted)).isEqualTo(discrepancy);
    }

    @ParameterizedTest(name = "recorded {0} found {1} looks intact {2}: intact {3}")
    @CsvSource(nullValues = "null", value = {
            "S123, S123, true, true",
            "S123, s123 , true, true",
            "S123, S124, true, false",
            "S123, S123, false, false",
            "null, S123, true, false",
            "S123, null, true, false"})
    void aSealIsIntactOnlyWithTheRecordedNumber(String recorded, String found, boolean looks, boolean intact) {
        assertThat(StockRules.sealIntact(recorded, found, looks)).isEqualTo(intact);
    }
}
