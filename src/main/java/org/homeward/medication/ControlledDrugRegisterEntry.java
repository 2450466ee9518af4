package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * One entry of the controlled drugs register: in order for its bag and medicine ({@code seq}), what changed the
 * balance, the balance after it, the patient for an administration and the witness. A balance check that disagrees is
 * a discrepancy with its reason.
 *
 * @param patient the patient's name and NHS number when the reader may see them, otherwise words saying it is withheld
 */
public record ControlledDrugRegisterEntry(UUID id, UUID bagId, String bagLabel, UUID formularyEntryId,
        String medicine, int seq, ControlledDrugEntryKind kind, BigDecimal quantityChange, BigDecimal balanceAfter,
        BigDecimal counted, boolean discrepancy, String batch, PatientId patientId, String patient, String reason,
        String by, String witness, Instant at) {
}
