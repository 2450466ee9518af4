package org.homeward.diagnostics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A point-of-care test done at home (CRP, INR, lactate): ordered, taken and resulted at once by the visiting nurse.
 *
 * @param takenAt when it was done (defaults to now)
 * @param clinicalQuestion why (defaults to a point-of-care test at the visit)
 */
public record PointOfCareTest(String testCode, BigDecimal value, String unit, Instant takenAt,
        String clinicalQuestion) {
}
