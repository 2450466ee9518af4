package org.homeward.medication;

import java.time.Instant;

/**
 * The decision on a medicine the patient took before admission; the newest one for a medicine stands.
 *
 * @param medicineKey the medicine as compared ({@link MedicineBeforeAdmission#key})
 * @param newDose and {@code newFrequency}: what it is changed to, for a changed medicine only
 */
public record ReconciliationDecisionMade(String medicineKey, ReconciliationDecision decision, String reason,
        String newDose, String newFrequency, String decidedBy, Instant decidedAt) {

    /** In words, such as Changed to 20 mg once a day: renal function has fallen. */
    public String words() {
        String what = decision == ReconciliationDecision.CHANGED
                ? "Changed to " + newDose + ", " + newFrequency : decision.label();
        return reason == null ? what : what + ": " + reason;
    }
}
