package org.homeward.observation;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A batch's outcome with the stored id of every reading it stored or had already stored (a retry), by the
 * submitter's id for it, so a client can be told where each reading is.
 *
 * @param newlyStored the submitter's ids of the readings this batch stored (the others were retries)
 */
public record IdentifiedBatch(BatchResult result, Map<String, UUID> idsByClientId, Set<String> newlyStored) {
}
