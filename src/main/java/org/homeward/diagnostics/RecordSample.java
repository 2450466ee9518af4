package org.homeward.diagnostics;

import java.time.Instant;

/**
 * A sample taken for an order.
 *
 * @param takenAt when (defaults to now; not in the future)
 * @param labelled whether it was labelled at the bedside with the patient's details: required, and must be yes
 * @param atHomeVisit whether it was taken at a home visit (yes when {@code visit} is given)
 * @param visit the home visit it was taken at, when recorded from that visit: the visit's record then lists it, and
 *     the time must fall within the visit
 */
public record RecordSample(Instant takenAt, Boolean labelled, Boolean atHomeVisit, VisitReference visit) {
}
