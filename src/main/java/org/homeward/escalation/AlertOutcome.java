package org.homeward.escalation;

import java.util.List;

/**
 * What escalation did about a set of observations, as the nurse who saved it is told: the patient's open alert (if
 * any), whether this set raised it or made it more urgent, who holds it and who has been sent a message about it.
 *
 * @param alert the patient's open alert after the set was stored, or {@code null} when none is open
 * @param raisedBySet this set raised the alert or raised its severity (the alert's observation time is the set's)
 * @param told each person sent a message about the alert, with how: "Sam Jones (in-app, email)"
 */
public record AlertOutcome(AlertView alert, boolean raisedBySet, List<String> told) {

    /** Words for the alert's severity: "High". */
    public String severityLabel() {
        return alert == null ? null : alert.severity().name().charAt(0) + alert.severity().name().substring(1).toLowerCase();
    }
}
