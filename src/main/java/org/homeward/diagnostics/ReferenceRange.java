package org.homeward.diagnostics;

import java.math.BigDecimal;

/** A reference range as printed by the lab: either end may be absent (< 5, > 60); both ends are within range. */
public record ReferenceRange(BigDecimal low, BigDecimal high) {

    public boolean empty() {
        return low == null && high == null;
    }

    /** 133-146, up to 2, from 60, or none. */
    public String words() {
        if (low != null && high != null) {
            return low.stripTrailingZeros().toPlainString() + "-" + high.stripTrailingZeros().toPlainString();
        }
        if (high != null) {
            return "up to " + high.stripTrailingZeros().toPlainString();
        }
        if (low != null) {
            return "from " + low.stripTrailingZeros().toPlainString();
        }
        return "none";
    }
}
