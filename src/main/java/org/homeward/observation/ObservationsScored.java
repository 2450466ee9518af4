package org.homeward.observation;

import java.util.List;

/**
 * A batch of new readings changed these patients' current sets and each was scored; one event per stored batch, so
 * listeners can work set-wise (one schedule upsert, one open-alert lookup) instead of once per patient. Published
 * inside the transaction that stored the readings, so what listeners write commits or rolls back with them.
 *
 * @param sets each patient's current set, one per patient in ascending patient-id order (the order the patients'
 *        scoring locks were taken), then the late sets (see {@link ObservationScored#late()}) in the same order
 */
public record ObservationsScored(List<ObservationScored> sets) {
}
