package org.homeward.diagnostics;

import java.math.BigDecimal;

/**
 * A test to add to the catalogue, or (with a reason) the whole test as it should now read. See {@link CatalogueTest}
 * for the fields; the reference ranges and critical limits are flat here so a refusal names one field.
 *
 * @param code the test's code, given when adding (capital letters, digits and underscores); when changing it may be
 *     left out, and must otherwise be the test's own (a code never changes: orders and results name the test by it)
 * @param unit required for a numeric test (blood, point of care); none for a test reported in words
 * @param adultLow the adult reference range's lowest normal value, or {@code null} (as printed: both ends normal)
 * @param criticalLow at or below this an adult's result is critical, or {@code null}
 * @param source where the range and limits come from (required)
 * @param reason required when changing a test; kept with the new version
 */
public record SaveCatalogueTest(String code, String name, TestKind kind, String unit, BigDecimal adultLow,
        BigDecimal adultHigh, BigDecimal childLow, BigDecimal childHigh, BigDecimal criticalLow,
        BigDecimal criticalHigh, BigDecimal childCriticalLow, BigDecimal childCriticalHigh, String source,
        String reason) {
}
