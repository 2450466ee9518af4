package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dose due, given or not given, as the nurse records it at the visit.
 *
 * @param doseKey the dose (see {@link ScheduledDose#key})
 * @param givenAt when it was given; {@code null} is now. Not in the future
 * @param dose the dose given, in the prescription's unit: it must be the dose prescribed
 * @param route how it was given: it must be the route prescribed
 * @param site where (left forearm cannula, abdomen): required for an injection or infusion
 * @param batch and {@code expiry}: required for an injection or infusion, taken from the grab bag's item when
 *              {@code bagItemId} is given
 * @param bagItemId the grab-bag item it came from, or {@code null}
 * @param secondChecker the username of the second checker, required where the formulary asks for one and for a
 *                      controlled drug, with {@code secondCheckHow}
 * @param notGivenReason why not, required when not given; {@code note} says more (required for some reasons)
 */
public record RecordAdministration(String doseKey, AdministrationOutcome outcome, Instant givenAt, BigDecimal dose,
        Route route, String site, String batch, LocalDate expiry, UUID bagItemId, String secondChecker,
        SecondCheckHow secondCheckHow, NotGivenReason notGivenReason, String note) {
}
