package org.homeward.visit;

import java.time.Instant;

/**
 * What a member of staff records on leaving a visit.
 *
 * @param given what was given or done: doses (drug, dose, route), a feed, a dressing; free text
 * @param notes required for any outcome but a completed visit
 * @param departedAt when they left; defaults to now (a visit recorded later gives the real time)
 */
public record RecordVisit(VisitOutcome outcome, String given, String notes, Instant departedAt) {
}
