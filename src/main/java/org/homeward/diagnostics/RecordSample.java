package org.homeward.diagnostics;

import java.time.Instant;

/**
 * A sample taken for an order.
 *
 * @param takenAt when (defaults to now; not in the future)
 * @param labelled whether it was labelled at the bedside with the patient's details: required, and must be yes
 * @param atHomeVisit whether it was taken at a home visit (the visit is not linked: see docs/diagnostics.md)
 */
public record RecordSample(Instant takenAt, Boolean labelled, Boolean atHomeVisit) {
}
