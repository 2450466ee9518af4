package org.homeward.medication;

import java.math.BigDecimal;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * A medicine taken from a grab bag for a patient at a visit.
 *
 * @param bagItemId the item (medicine, batch and expiry) it is taken from
 * @param quantity how many (vials, ampoules), above zero
 * @param witnessUsername the second registered clinician who witnessed it, required for a controlled drug; otherwise
 *     {@code null}
 * @param purpose what it was for (the dose given), kept with the movement
 */
public record UseFromBag(UUID bagItemId, BigDecimal quantity, PatientId patientId, String witnessUsername,
        String purpose) {
}
