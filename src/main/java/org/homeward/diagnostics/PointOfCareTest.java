package org.homeward.diagnostics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A point-of-care test done at home (CRP, INR, lactate): ordered, taken and resulted at once by the visiting nurse.
 *
 * @param takenAt when it was done (defaults to now)
 * @param clinicalQuestion why (defaults to a point-of-care test at the visit)
 * @param visit the home visit it was done at, when recorded from that visit (the time must fall within it)
 */
public record PointOfCareTest(String testCode, BigDecimal value, String unit, Instant takenAt,
        String clinicalQuestion, VisitReference visit) {
}
