package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * A dose recorded as given or not given: never changed or deleted.
 *
 * @param medicine the prescription's medicine, dose and route in words
 * @param bagLabel the grab bag it came from, {@code null} when none
 */
public record Administration(UUID id, String doseKey, UUID prescriptionId, PatientId patientId, String medicine,
        Instant dueAt, AdministrationOutcome outcome, NotGivenReason notGivenReason, String note, Instant givenAt,
        BigDecimal dose, DoseUnit doseUnit, Route route, String site, String batch, LocalDate expiry, UUID bagItemId,
        String bagLabel, String secondChecker, String secondCheckerName, SecondCheckHow secondCheckHow,
        RecordedBy recordedBy, Instant recordedAt) {

    public boolean given() {
        return outcome == AdministrationOutcome.GIVEN;
    }

    /** '2 g intravenous', or the reason it was not given. */
    public String words() {
        return given() ? dose.stripTrailingZeros().toPlainString() + " " + doseUnit.label() + " "
                + route.label().toLowerCase() : "Not given: " + notGivenReason.label().toLowerCase();
    }
}
