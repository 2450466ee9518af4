package org.homeward.observation;

import java.util.List;

/**
 * The outcome of a batch, returned only after the stored readings are committed.
 *
 * @param stored readings newly stored
 * @param duplicates readings already stored by an earlier attempt (same id), not stored again
 * @param rejected readings refused, each with its position, id, field and reason
 */
public record BatchResult(int stored, int duplicates, List<Rejection> rejected) {

    public record Rejection(int index, String id, String field, String reason) {
    }
}
