package org.homeward.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.homeward.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules a test in the catalogue keeps, row by row with every edge: a range's high above its low, critical limits
 * outside the range (a value at an RCPath 2017 G158 limit is critical, both printed ends of a range are normal), a
 * unit for a numeric test and none for one reported in words, and a source for every value.
 */
class CatalogueRulesTests {

    /** Potassium as the catalogue has it: Pathology Harmony 3.5-5.3 mmol/L, RCPath 2017 critical 2.5 and 6.5. */
    static SaveCatalogueTest potassium(String low, String high, String criticalLow, String criticalHigh) {
        return new SaveCatalogueTest("POTASSIUM", "Potassium", TestKind.BLOOD, "mmol/L", d(low), d(high), null, null,
                d(criticalLow), d(criticalHigh), null, null, "Pathology Harmony; RCPath 2017 G158", null);
    }

    static SaveCatalogueTest child(String low, String high, String criticalLow, String criticalHigh) {
        return new SaveCatalogueTest("POTASSIUM", "Potassium", TestKind.BLOOD, "mmol/L", null, null, d(low), d(high),
                null, null, d(criticalLow), d(criticalHigh), "A children's hospital's range", null);
    }

    @ParameterizedTest(name = "adult range {0}-{1}, critical {2} and {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            "3.5, 5.3, 2.5, 6.5, -",
            "3.5, 3.51, -, -, -",
            "3.5, 3.5, -, -, adultHigh",
            "3.5, 3.49, -, -, adultHigh",
            "3.5, 5.3, 3.49, -, -",
            "3.5, 5.3, 3.5, -, criticalLow",
            "3.5, 5.3, 4.0, -, criticalLow",
            "3.5, 5.3, -, 5.31, -",
            "3.5, 5.3, -, 5.3, criticalHigh",
            "3.5, 5.3, -, 4.0, criticalHigh",
            "-, 2.0, -, 4.0, -",
            "-, 2.0, -, 2.0, criticalHigh",
            "-, 2.0, 1.99, -, -",
            "-, 2.0, 2.0, -, criticalLow",
            "60, -, 59.9, -, -",
            "60, -, 60, -, criticalLow",
            "60, -, -, 60, criticalHigh",
            "60, -, -, 60.1, -",
            "-, -, 2.5, 6.5, -",
            "-, -, 6.5, 6.5, criticalHigh",
            "-, -, 6.5, 2.5, criticalHigh",
            "-, -, -, -, -"})
    void adultRangesAndLimits(String low, String high, String criticalLow, String criticalHigh, String refusedField) {
        SaveCatalogueTest test = potassium(low, high, criticalLow, criticalHigh);
        if (refusedField == null) {
            CatalogueRules.Checked checked = CatalogueRules.check(test);
            assertThat(checked.adultRange()).isEqualTo(new ReferenceRange(d(low), d(high)));
            assertThat(checked.criticalLow()).isEqualTo(d(criticalLow));
        } else {
            assertThat(refused(test)).isEqualTo(refusedField);
        }
    }

    @ParameterizedTest(name = "child range {0}-{1}, critical {2} and {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            "3.4, 4.7, 2.5, 6.5, -",
            "3.4, 3.4, -, -, childHigh",
            "3.4, 4.7, 3.4, -, childCriticalLow",
            "3.4, 4.7, -, 4.7, childCriticalHigh",
            "-, -, 130, 160, -",
            "-, -, 160, 130, childCriticalHigh"})
    void childRangesAndLimitsAreCheckedAgainstTheirOwnBand(String low, String high, String criticalLow,
            String criticalHigh, String refusedField) {
        SaveCatalogueTest test = child(low, high, criticalLow, criticalHigh);
        if (refusedField == null) {
            assertThat(CatalogueRules.check(test).childRange()).isEqualTo(new ReferenceRange(d(low), d(high)));
        } else {
            assertThat(refused(test)).isEqualTo(refusedField);
        }
    }

    @Test
    void theAdultRangeDoesNotBindTheChildLimits() {
        SaveCatalogueTest sodium = new SaveCatalogueTest("SODIUM", "Sodium", TestKind.BLOOD, "mmol/L", d("133"),
                d("146"), null, null, d("120"), d("160"), d("130"), d("160"), "Pathology Harmony; RCPath 2017", null);
        assertThat(CatalogueRules.check(sodium).childCriticalLow()).isEqualByComparingTo("130");
    }

    @ParameterizedTest(name = "a {0} test needs a unit")
    @EnumSource(value = TestKind.class, names = {"BLOOD", "POINT_OF_CARE"})
    void aNumericTestNeedsItsUnitWithoutSpaces(TestKind kind) {
        assertThat(refused(new SaveCatalogueTest("MG", "Magnesium", kind, null, null, null, null, null, null, null,
                null, null, "Pathology Harmony", null))).isEqualTo("unit");
        assertThat(refused(new SaveCatalogueTest("MG", "Magnesium", kind, "  ", null, null, null, null, null, null,
                null, null, "Pathology Harmony", null))).isEqualTo("unit");
        assertThat(refused(new SaveCatalogueTest("MG", "Magnesium", kind, "mmol / L", null, null, null, null, null,
                null, null, null, "Pathology Harmony", null))).isEqualTo("unit");
        assertThat(refused(new SaveCatalogueTest("MG", "Magnesium", kind, "x".repeat(21), null, null, null, null,
                null, null, null, null, "Pathology Harmony", null))).isEqualTo("unit");
        assertThat(CatalogueRules.check(new SaveCatalogueTest("MG", "Magnesium", kind, " mmol/L ", d("0.7"),
                d("1.0"), null, null, null, null, null, null, "Pathology Harmony", null)).unit()).isEqualTo("mmol/L");
    }

    @ParameterizedTest(name = "a {0} test has no unit, range or limits")
    @EnumSource(value = TestKind.class, names = {"MICROBIOLOGY", "ECG", "IMAGING"})
    void aTestReportedInWordsHasNoUnitRangeOrLimits(TestKind kind) {
        assertThat(refused(new SaveCatalogueTest("X", "Sputum culture", kind, "mg/L", null, null, null, null, null,
                null, null, null, "Reported in words", null))).isEqualTo("unit");
        assertThat(refused(new SaveCatalogueTest("X", "Sputum culture", kind, null, null, d("5"), null, null, null,
                null, null, null, "Reported in words", null))).isEqualTo("adultHigh");
        assertThat(refused(new SaveCatalogueTest("X", "Sputum culture", kind, "", null, null, null, null, null,
                null, null, d("1"), "Reported in words", null))).isEqualTo("childCriticalHigh");
        CatalogueRules.Checked checked = CatalogueRules.check(new SaveCatalogueTest("X", "Sputum culture", kind, " ",
                null, null, null, null, null, null, null, null, "Reported in words", null));
        assertThat(checked.unit()).isNull();
        assertThat(checked.adultRange().empty()).isTrue();
    }

    @Test
    void aNameAKindAndASourceAreRequired() {
        assertThat(refused(null)).isEqualTo("name");
        assertThat(refused(new SaveCatalogueTest("MG", " ", TestKind.BLOOD, "mmol/L", null, null, null, null, null,
                null, null, null, "Source", null))).isEqualTo("name");
        assertThat(refused(new SaveCatalogueTest("MG", "x".repeat(101), TestKind.BLOOD, "mmol/L", null, null, null,
                null, null, null, null, null, "Source", null))).isEqualTo("name");
        assertThat(refused(new SaveCatalogueTest("MG", "Magnesium", null, "mmol/L", null, null, null, null, null,
                null, null, null, "Source", null))).isEqualTo("kind");
        assertThat(refused(new SaveCatalogueTest("MG", "Magnesium", TestKind.BLOOD, "mmol/L", d("0.7"), d("1.0"),
                null, null, null, null, null, null, null, null))).isEqualTo("source");
        assertThat(refused(new SaveCatalogueTest("MG", "Magnesium", TestKind.ECG, null, null, null, null, null, null,
                null, null, null, "   ", null))).isEqualTo("source");
        assertThat(refused(new SaveCatalogueTest("MG", "Magnesium", TestKind.BLOOD, "mmol/L", null, null, null,
                null, null, null, null, null, "x".repeat(501), null))).isEqualTo("source");
    }

    @ParameterizedTest(name = "code {0}: {1}")
    @CsvSource(nullValues = "-", value = {
            "MAGNESIUM, MAGNESIUM",
            "' magnesium ', MAGNESIUM",
            "POC_HB2, POC_HB2",
            "MG, MG",
            "M, -",
            "2MG, -",
            "_MG, -",
            "MG-1, -",
            "'MG 1', -",
            "'', -",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123, ABCDEFGHIJKLMNOPQRSTUVWXYZ0123",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ01234, -"})
    void aCodeIsTwoToThirtyCapitalLettersDigitsOrUnderscoresStartingWithALetter(String given, String code) {
        if (code == null) {
            assertThatThrownBy(() -> CatalogueRules.code(given)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("code"));
        } else {
            assertThat(CatalogueRules.code(given)).isEqualTo(code);
        }
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
            "BLOOD, POINT_OF_CARE, true",
            "POINT_OF_CARE, BLOOD, true",
            "ECG, IMAGING, true",
            "MICROBIOLOGY, ECG, true",
            "BLOOD, MICROBIOLOGY, false",
            "IMAGING, POINT_OF_CARE, false"})
    void aTestKeepsBeingANumberOrAReportInWords(TestKind from, TestKind to, boolean allowed) {
        if (allowed) {
            CatalogueRules.kindChange(from, to);
        } else {
            assertThatThrownBy(() -> CatalogueRules.kindChange(from, to))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(nullValues = "-", value = {
            "999999999.999999, -",
            "1000000000, adultLow",
            "-1000000000, adultLow",
            "0.000001, -",
            "0.0000001, adultLow",
            "1.5000000000, -"})
    void numbersAreKeptWithinBounds(String low, String refusedField) {
        SaveCatalogueTest test = new SaveCatalogueTest("X1", "Extreme", TestKind.BLOOD, "U/L", d(low), null, null,
                null, null, null, null, null, "Local choice", null);
        if (refusedField == null) {
            assertThat(CatalogueRules.check(test).adultRange().low()).isEqualByComparingTo(low);
        } else {
            assertThat(refused(test)).isEqualTo(refusedField);
        }
    }

    @Test
    void aChangeNeedsItsReason() {
        assertThatThrownBy(() -> CatalogueRules.reason(" ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> CatalogueRules.reason("x".repeat(501)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(CatalogueRules.reason(" New lab method ")).isEqualTo("New lab method");
    }

    @Test
    void eachRefusalSaysWhatIsWrongInWords() {
        assertThatThrownBy(() -> CatalogueRules.check(potassium("3.5", "5.3", "3.5", null)))
                .hasMessage("The adult critical low limit (3.5) must be below the adult reference range (3.5-5.3): a "
                        + "value at the limit is critical, and the range's printed ends are normal");
        assertThatThrownBy(() -> CatalogueRules.check(potassium("5.3", "3.5", null, null)))
                .hasMessage("The adult reference range's highest value (3.5) must be above its lowest (5.3)");
    }

    private static String refused(SaveCatalogueTest test) {
        try {
            CatalogueRules.check(test);
        } catch (InvalidInputException e) {
            return e.field();
        }
        throw new AssertionError("not refused: " + test);
    }

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
