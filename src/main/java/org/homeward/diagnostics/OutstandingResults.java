package org.homeward.diagnostics;

import org.homeward.shared.PatientId;

/**
 * A patient's outstanding tests for the board round: orders awaiting a result, and results awaiting acknowledgement
 * (how many of them critical).
 */
public record OutstandingResults(PatientId patientId, int awaited, int toAcknowledge, int criticalToAcknowledge) {

    /** None outstanding, or 2 awaited, 1 to acknowledge (critical). */
    public String words() {
        if (awaited == 0 && toAcknowledge == 0) {
            return "None outstanding";
        }
        StringBuilder words = new StringBuilder();
        if (awaited > 0) {
            words.append(awaited).append(" awaited");
        }
        if (toAcknowledge > 0) {
            words.append(words.isEmpty() ? "" : ", ").append(toAcknowledge).append(" to acknowledge");
            if (criticalToAcknowledge > 0) {
                words.append(criticalToAcknowledge == toAcknowledge ? " (critical)"
                        : " (" + criticalToAcknowledge + " critical)");
            }
        }
        return words.toString();
    }
}
