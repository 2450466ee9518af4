package org.homeward.observation;

import java.util.List;

/**
 * The newest of a patient's readings and scored sets over a range, as {@link ObservationService#newest} reads them.
 *
 * @param readings the newest readings and any other taken at the same time as the last of them, newest first (then
 *     by parameter)
 * @param readingCount how many readings the range holds
 * @param scoredSets the newest wanted scored sets, newest first
 * @param scoredSetCount how many wanted scored sets the range holds; null when knowing it would mean scoring the
 *     whole range (there are then more than were asked for)
 */
public record NewestObservations(List<StoredReading> readings, int readingCount, List<ScoredSet> scoredSets,
        Integer scoredSetCount) {
}
