package org.homeward.diagnostics;

import java.math.BigDecimal;

/**
 * The one rule that flags a numeric result; every way a result comes in (entered, received, point of care) uses it.
 *
 * <ul>
 *   <li>Critical limits follow the Royal College of Pathologists, <i>The communication of critical and unexpected
 *       pathology results</i> (G158, October 2017), which writes them as at or below and at or above (potassium
 *       {@code <= 2.5} or {@code >= 6.5} mmol/L): the limit itself is critical. So potassium 6.5 is critical high and
 *       6.4 is abnormal high.</li>
 *   <li>Reference ranges are read as printed by the lab, both ends within the range (sodium 133-146 mmol/L, Pathology
 *       Harmony): 133 and 146 are normal, 132.9 and 146.1 abnormal.</li>
 *   <li>A critical limit wins over the reference range; with no range (or no end of it) the value is judged only by
 *       what is given.</li>
 * </ul>
 */
public final class ResultFlags {

    private ResultFlags() {
    }

    /**
     * @param value the result
     * @param low the reference range's low end, or {@code null}
     * @param high the reference range's high end, or {@code null}
     * @param criticalLow at or below this the result is critical, or {@code null}
     * @param criticalHigh at or above this the result is critical, or {@code null}
     */
    public static ResultFlag flag(BigDecimal value, BigDecimal low, BigDecimal high, BigDecimal criticalLow,
            BigDecimal criticalHigh) {
        if (criticalHigh != null && value.compareTo(criticalHigh) >= 0) {
            return ResultFlag.CRITICAL_HIGH;
        }
        if (criticalLow != null && value.compareTo(criticalLow) <= 0) {
            return ResultFlag.CRITICAL_LOW;
        }
        if (high != null && value.compareTo(high) > 0) {
            return ResultFlag.ABNORMAL_HIGH;
        }
        if (low != null && value.compareTo(low) < 0) {
            return ResultFlag.ABNORMAL_LOW;
        }
        return ResultFlag.NORMAL;
    }
}
