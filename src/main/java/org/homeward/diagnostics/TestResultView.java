package org.homeward.diagnostics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * A result as stored: never changed; a correction is a new result naming the one it {@code supersedes}, and the old one
 * is then not {@code current}.
 *
 * @param referenceRange the range the result was flagged against, copied when it was filed (the lab's printed range
 *     or the catalogue's then): a later change to the catalogue does not change it, nor the flag
 * @param catalogueVersion the version of the test in the catalogue whose unit and critical limits judged the result
 */
public record TestResultView(UUID id, UUID orderId, PatientId patientId, String testCode, String testName,
        BigDecimal value, String unit, String report, ReferenceRange referenceRange, ResultFlag flag,
        Instant resultedAt, ResultSource source, String enteredBy, Instant enteredAt, UUID supersedes,
        String correctionReason, boolean current, Acknowledgement acknowledgement, int catalogueVersion) {

    /** Potassium 6.9 mmol/L, or the test's name and its report. */
    public String words() {
        return value != null ? testName + " " + value.stripTrailingZeros().toPlainString() + " " + unit
                : testName + ": " + report;
    }

    public boolean acknowledged() {
        return acknowledgement != null;
    }

    /** Current and not yet acknowledged: on the ordering clinician's worklist. */
    public boolean toAcknowledge() {
        return current && acknowledgement == null;
    }
}
