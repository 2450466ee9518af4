package org.homeward.medication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;

/**
 * A medicines reconciliation as the page and the API show it.
 *
 * @param version 1 at admission; each new reconciliation asked for when the medicines changed is the next
 * @param clockStartedAt admission, or when the new version was asked for
 * @param clockWords the 24-hour clock in words ({@link ReconciliationClock#words})
 * @param overdue still open after its due time
 * @param askedForReason why a version after the first was asked for, or {@code null} for the first
 * @param verificationBlockers what stops verification now, in words; empty when it may be verified (or is closed)
 */
public record Reconciliation(UUID id, PatientId patientId, AdmissionId admissionId, int version,
        ReconciliationStatus status, Instant clockStartedAt, Instant dueAt, String clockWords, boolean overdue,
        ReconciliationChangeReason askedForReason, String askedForDetail, String askedForBy,
        List<ReconciliationSourceConsulted> sources, List<ReconciliationMedicine> medicines,
        List<ReconciliationDiscrepancy> discrepancies, List<String> verificationBlockers, String verifiedBy,
        Instant verifiedAt, String closedReason, UUID taskId) {

    /** The discrepancies still to resolve. */
    public List<ReconciliationDiscrepancy> unresolved() {
        return discrepancies.stream().filter(d -> !d.resolved()).toList();
    }

    /** Open, and nothing stops verification. */
    public boolean readyToVerify() {
        return status.open() && verificationBlockers.isEmpty();
    }
}
