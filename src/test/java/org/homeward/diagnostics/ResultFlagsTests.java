package org.homeward.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.homeward.shared.PatientId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one flag rule, row by row with every edge: critical limits as RCPath 2017 G158 writes them (at or beyond the limit
 * is critical), reference ranges with both printed ends within range.
 */
class ResultFlagsTests {

    /** Potassium: Pathology Harmony 3.5-5.3 mmol/L; RCPath 2017 critical at or below 2.5 and at or above 6.5. */
    @ParameterizedTest(name = "potassium {0} mmol/L is {1}")
    @CsvSource({
            "1.9, CRITICAL_LOW",
            "2.5, CRITICAL_LOW",
            "2.51, ABNORMAL_LOW",
            "3.4, ABNORMAL_LOW",
            "3.49, ABNORMAL_LOW",
            "3.5, NORMAL",
            "4.2, NORMAL",
            "5.3, NORMAL",
            "5.31, ABNORMAL_HIGH",
            "6.4, ABNORMAL_HIGH",
            "6.49, ABNORMAL_HIGH",
            "6.5, CRITICAL_HIGH",
            "6.9, CRITICAL_HIGH",
            "9.0, CRITICAL_HIGH"})
    void potassium(String value, ResultFlag flag) {
        assertThat(ResultFlags.flag(new BigDecimal(value), d("3.5"), d("5.3"), d("2.5"), d("6.5"))).isEqualTo(flag);
    }

    /** Sodium: Pathology Harmony 133-146 mmol/L; RCPath 2017 critical at or below 120 (adults) and at or above 160. */
    @ParameterizedTest(name = "sodium {0} mmol/L is {1}")
    @CsvSource({
            "110, CRITICAL_LOW",
            "120, CRITICAL_LOW",
            "121, ABNORMAL_LOW",
            "132, ABNORMAL_LOW",
            "133, NORMAL",
            "146, NORMAL",
            "147, ABNORMAL_HIGH",
            "159, ABNORMAL_HIGH",
            "160, CRITICAL_HIGH"})
    void sodium(String value, ResultFlag flag) {
        assertThat(ResultFlags.flag(new BigDecimal(value), d("133"), d("146"), d("120"), d("160"))).isEqualTo(flag);
    }

    /** CRP: range 0-5 mg/L, critical at or above 300 (no low limit). */
    @ParameterizedTest(name = "CRP {0} mg/L is {1}")
    @CsvSource({
            "0, NORMAL",
            "5, NORMAL",
            "5.1, ABNORMAL_HIGH",
            "299, ABNORMAL_HIGH",
            "300, CRITICAL_HIGH"})
    void crp(String value, ResultFlag flag) {
        assertThat(ResultFlags.flag(new BigDecimal(value), d("0"), d("5"), null, d("300"))).isEqualTo(flag);
    }

    /** Lactate: up to 2.0 mmol/L, no low end; critical at or above 4.0 (local choice on NICE NG51). */
    @ParameterizedTest(name = "lactate {0} mmol/L is {1}")
    @CsvSource({
            "0.1, NORMAL",
            "2.0, NORMAL",
            "2.1, ABNORMAL_HIGH",
            "3.99, ABNORMAL_HIGH",
            "4.0, CRITICAL_HIGH"})
    void lactate(String value, ResultFlag flag) {
        assertThat(ResultFlags.flag(new BigDecimal(value), null, d("2.0"), null, d("4.0"))).isEqualTo(flag);
    }

    @Test
    void withNoCriticalLimitsOnlyTheRangeFlags() {
        assertThat(ResultFlags.flag(d("40"), d("130"), d("180"), null, null)).isEqualTo(ResultFlag.ABNORMAL_LOW);
        assertThat(ResultFlags.flag(d("200"), d("130"), d("180"), null, null)).isEqualTo(ResultFlag.ABNORMAL_HIGH);
    }

    @Test
    void aCriticalLimitInsideAPrintedRangeStillWins() {
        // a lab's printed range wider than the critical limits: the critical limit decides
        assertThat(ResultFlags.flag(d("6.6"), d("3.0"), d("7.0"), d("2.5"), d("6.5"))).isEqualTo(ResultFlag.CRITICAL_HIGH);
    }

    @Test
    void scaleOfTheNumberDoesNotMatter() {
        assertThat(ResultFlags.flag(d("6.50"), d("3.5"), d("5.3"), d("2.5"), d("6.5"))).isEqualTo(ResultFlag.CRITICAL_HIGH);
        assertThat(ResultFlags.flag(d("5.300"), d("3.5"), d("5.3"), d("2.5"), d("6.5"))).isEqualTo(ResultFlag.NORMAL);
    }

    @Test
    void criticalAndAbnormalFlagsInWords() {
        assertThat(ResultFlag.CRITICAL_HIGH.critical()).isTrue();
        assertThat(ResultFlag.CRITICAL.critical()).isTrue();
        assertThat(ResultFlag.ABNORMAL_LOW.critical()).isFalse();
        assertThat(ResultFlag.ABNORMAL_LOW.abnormal()).isTrue();
        assertThat(ResultFlag.NORMAL.abnormal()).isFalse();
        assertThat(ResultFlag.CRITICAL_HIGH.label()).isEqualTo("Critical: high");
    }

    @Test
    void outstandingInWords() {
        PatientId p = new PatientId(java.util.UUID.randomUUID());
        assertThat(new OutstandingResults(p, 0, 0, 0).words()).isEqualTo("None outstanding");
        assertThat(new OutstandingResults(p, 2, 0, 0).words()).isEqualTo("2 awaited");
        assertThat(new OutstandingResults(p, 2, 1, 1).words()).isEqualTo("2 awaited, 1 to acknowledge (critical)");
        assertThat(new OutstandingResults(p, 0, 3, 1).words()).isEqualTo("3 to acknowledge (1 critical)");
        assertThat(new OutstandingResults(p, 0, 3, 0).words()).isEqualTo("3 to acknowledge");
    }

    @Test
    void rangesInWords() {
        assertThat(new ReferenceRange(d("133"), d("146")).words()).isEqualTo("133-146");
        assertThat(new ReferenceRange(null, d("2.0")).words()).isEqualTo("up to 2");
        assertThat(new ReferenceRange(d("60"), null).words()).isEqualTo("from 60");
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
