package org.homeward.diagnostics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One test's result. A numeric test takes a value and its unit (the catalogue's unit, else refused) and the reference
 * range as printed by the lab (defaults to the catalogue's for the patient's age band); a test reported in words takes
 * the report and the flag set by the person entering (normal, abnormal or critical).
 *
 * @param correctionReason required when the test already has a result: the new one corrects it, the old is kept
 */
public record ResultLine(String testCode, BigDecimal value, String unit, BigDecimal referenceLow,
        BigDecimal referenceHigh, String report, ResultFlag flag, Instant resultedAt, String correctionReason) {
}
