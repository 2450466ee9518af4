package org.homeward.diagnostics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A test in the catalogue as one version reads (table diagnostic_test, seeded by migration V35 with the source of each
 * value, every version kept in diagnostic_test_version; see {@code docs/diagnostics.md}). A numeric test has a unit,
 * reference ranges for adults and children (either may be absent: the lab's printed range is then required) and
 * critical limits; a test reported in words has no unit.
 *
 * @param panelCode the panel a form offers it in (UE, FBC), or {@code null}
 * @param version 1 as first added; each change is the next version, the earlier ones kept
 * @param savedBy who saved this version (name and role), or the migration that installed it
 * @param reason why this version changed the test; {@code null} for the first
 */
public record CatalogueTest(String code, String name, TestKind kind, String panelCode, String panelName, String unit,
        ReferenceRange adultRange, ReferenceRange childRange, BigDecimal criticalLow, BigDecimal criticalHigh,
        BigDecimal childCriticalLow, BigDecimal childCriticalHigh, String source, int version, String savedBy,
        Instant savedAt, String reason) {

    /** Whether a result is a number with units (else a report in words). */
    public boolean numeric() {
        return unit != null;
    }

    /** The reference range for an adult or a child ({@link org.homeward.patient.PatientSummary#isAdultOn}). */
    public ReferenceRange range(boolean adult) {
        return adult ? adultRange : childRange;
    }

    public BigDecimal criticalLow(boolean adult) {
        return adult ? criticalLow : childCriticalLow;
    }

    public BigDecimal criticalHigh(boolean adult) {
        return adult ? criticalHigh : childCriticalHigh;
    }

    /** The critical limits in words for this age band, or an empty string when there are none. */
    public String criticalWords(boolean adult) {
        BigDecimal low = criticalLow(adult);
        BigDecimal high = criticalHigh(adult);
        String lowWords = low == null ? null : "at or below " + low.stripTrailingZeros().toPlainString();
        String highWords = high == null ? null : "at or above " + high.stripTrailingZeros().toPlainString();
        if (lowWords != null && highWords != null) {
            return lowWords + " or " + highWords + " " + unit;
        }
        return lowWords != null ? lowWords + " " + unit : highWords != null ? highWords + " " + unit : "";
    }

    /** The reference range for this age band in words with its unit, as the catalogue pages show it. */
    public String rangeWords(boolean adult) {
        if (!numeric()) {
            return "Reported in words";
        }
        ReferenceRange range = range(adult);
        return range.empty() ? "None in the catalogue: the lab's printed range is required"
                : range.words() + " " + unit;
    }

    /** The critical limits for this age band in words, as the catalogue pages show them. */
    public String criticalLimitWords(boolean adult) {
        if (!numeric()) {
            return "Flagged by the person entering the report";
        }
        String words = criticalWords(adult);
        return words.isEmpty() ? "No critical limits" : "Critical " + words;
    }
}
