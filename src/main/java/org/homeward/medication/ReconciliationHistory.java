package org.homeward.medication;

import java.util.List;

/**
 * The patient's reconciliation now and the earlier ones.
 *
 * @param current the newest, or {@code null} when the patient has none (admitted before reconciliations began)
 * @param earlier the earlier versions and admissions, newest first
 */
public record ReconciliationHistory(Reconciliation current, List<Reconciliation> earlier) {
}
