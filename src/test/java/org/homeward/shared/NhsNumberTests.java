package org.homeward.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Modulus 11 rule of the NHS Data Dictionary, worked by hand for the examples and as properties for the rest. */
class NhsNumberTests {

    /*
     * Worked by hand: weights 10..2 on the first nine digits, check = 11 - (sum mod 11), 11 -> 0, 10 -> invalid.
     * 9434765919: 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 1*2 = 90+36+24+28+42+30+20+27+2 = 299;
     *             299 mod 11 = 2; 11 - 2 = 9, the tenth digit.
     * 9434765870: 90+36+24+28+42+30+20 + 8*3 + 7*2 = 308; 308 mod 11 = 0; 11 - 0 = 11 -> check digit 0.
     * 4010232137: 4*10 + 0*9 + 1*8 + 0*7 + 2*6 + 3*5 + 2*4 + 1*3 + 3*2 = 40+0+8+0+12+15+8+3+6 = 92;
     *             92 mod 11 = 4; 11 - 4 = 7, the tenth digit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "9434765870", "4010232137"})
    void acceptsNumbersWhoseTenthDigitIsTheModulus11CheckDigit(String valid) {
        assertThat(NhsNumber.problemWith(valid)).isNull();
        assertThat(NhsNumber.of(valid).value()).isEqualTo(valid);
    }

    @Test
    void computesCheckDigitElevenAsZero() {
        assertThat(NhsNumber.checkDigitOf("943476587")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", "943-476-5919", " 943 476 5919 ", "943-476 5919"})
    void acceptsSpacesAndHyphensAsPeopleWriteThem(String written) {
        NhsNumber number = NhsNumber.of(written);
        assertThat(number.value()).isEqualTo("9434765919");
        assertThat(number.formatted()).isEqualTo("943 476 5919");
    }

    @Test
    void refusesNhsNumberWithWrongCheckDigit() {
        assertThatThrownBy(() -> NhsNumber.of("9434765918"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("nhsNumber");
                    assertThat(e.getMessage()).contains("wrong check digit").contains("expected 9");
                });
    }

    /*
     * 943476596: 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 6*2 = 90+36+24+28+42+30+20+27+12 = 309;
     * 309 mod 11 = 1 (11 * 28 = 308); 11 - 1 = 10, so no tenth digit can make a valid number of this stem.
     */
    @ParameterizedTest
    @ValueSource(strings = {"9434765960", "9434765961", "9434765969"})
    void refusesEveryNumberWhoseStemGivesCheckDigitTen(String neverIssued) {
        assertThat(NhsNumber.checkDigitOf("943476596")).isEqualTo(10);
        assertThatThrownBy(() -> NhsNumber.of(neverIssued))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("nhsNumber");
                    assertThat(e.getMessage()).contains("check digit 10").contains("never issued");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"943476591", "94347659190", "943 476 591"})
    void refusesNumbersThatAreNotTenDigitsLong(String wrongLength) {
        int length = wrongLength.replace(" ", "").length();
        assertThatThrownBy(() -> NhsNumber.of(wrongLength))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("nhsNumber");
                    assertThat(e.getMessage()).isEqualTo("NHS number must be 10 digits, got " + length);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"94347659I9", "943.476.5919", "NHS9434765", "9434765919a", "９４３４７６５９１９"})
    void refusesNumbersWithCharactersOtherThanDigits(String notDigits) {
        assertThatThrownBy(() -> NhsNumber.of(notDigits))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("nhsNumber");
                    assertThat(e.getMessage()).isEqualTo("NHS number must contain only digits");
                });
    }

    /*
     * Character.isDigit is true for every Unicode decimal digit. Arabic-Indic digits (U+0660..U+0669) sit 1584 code
     * points above '0', and 1584 = 11 * 144, so without an ASCII-only check "٩٤٣٤٧٦٥٩١" followed by ASCII 9 passes
     * the Modulus 11 arithmetic exactly like 9434765919; so does a full-width stem with the right ASCII tenth digit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u06619",
            "\uFF19\uFF14\uFF13\uFF14\uFF17\uFF16\uFF15\uFF19\uFF115"})
    void refusesDigitsOtherThanAsciiZeroToNine(String foreignDigits) {
        assertThatThrownBy(() -> NhsNumber.of(foreignDigits))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("nhsNumber");
                    assertThat(e.getMessage()).isEqualTo("NHS number must contain only digits");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void refusesABlankOrMissingNumberAsRequired(String blank) {
        assertThatThrownBy(() -> NhsNumber.of(blank))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("nhsNumber");
                    assertThat(e.getMessage()).isEqualTo("NHS number is required");
                });
    }

    @Test
    void keepsOnlyTheTenDigitsWhenConstructedDirectly() {
        assertThat(new NhsNumber("943 476 5919").value()).isEqualTo("9434765919");
        assertThat(new NhsNumber("943-476-5919")).isEqualTo(NhsNumber.of("9434765919"));
        assertThatThrownBy(() -> new NhsNumber(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NhsNumber("9434765918")).isInstanceOf(InvalidInputException.class);
    }

    // properties -------------------------------------------------------------------------------------------------

    @Property
    void appendingTheCheckDigitToAnyStemNotGivingTenMakesAValidNumber(@ForAll("stems") String stem) {
        int check = NhsNumber.checkDigitOf(stem);
        Assume.that(check != 10);
        assertThat(NhsNumber.problemWith(stem + check)).isNull();
        assertThat(NhsNumber.of(stem + check).value()).isEqualTo(stem + check);
    }

    @Property
    void aStemGivingCheckDigitTenHasNoValidNumber(@ForAll("stemsGivingTen") String stem,
            @ForAll @IntRange(min = 0, max = 9) int tenth) {
        assertThat(NhsNumber.problemWith(stem + tenth)).contains("check digit 10");
    }

    /*
     * Why this holds for Modulus 11 with weights 10..2: changing digit i (i < 9) by d (1 <= |d| <= 9) changes the
     * sum by w_i * d with 2 <= w_i <= 10; 11 is prime and neither factor is a multiple of 11, so the sum mod 11
     * changes, and the map from residue to check digit (0 -> 0, r -> 11 - r) is one-to-one, so the expected check
     * digit changes (or becomes 10). Changing the tenth digit leaves the expected check digit as it was.
     */
    @Property
    void changingAnySingleDigitOfAValidNumberMakesItInvalid(@ForAll("validNumbers") String valid,
            @ForAll @IntRange(min = 0, max = 9) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = valid.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        String changed = new String(digits);
        assertThat(changed).isNotEqualTo(valid);
        assertThat(NhsNumber.problemWith(changed)).as(changed).isNotNull();
    }

    @Provide
    Arbitrary<String> stems() {
        return Arbitraries.strings().numeric().ofLength(9);
    }

    @Provide
    Arbitrary<String> stemsGivingTen() {
        return stems().filter(stem -> NhsNumber.checkDigitOf(stem) == 10);
    }

    @Provide
    Arbitrary<String> validNumbers() {
        return stems().filter(stem -> NhsNumber.checkDigitOf(stem) != 10)
                .map(stem -> stem + NhsNumber.checkDigitOf(stem));
    }
}
