package org.homeward.diagnostics;

import java.time.Instant;

/**
 * A sample's journey to the lab: dispatched (how and when), and when the lab received it, if known.
 *
 * @param transport courier or handed in (required when dispatching)
 * @param dispatchedAt when it left (defaults to now)
 * @param receivedAt when the lab received it, or {@code null}
 */
public record RecordTransport(SampleTransport transport, Instant dispatchedAt, Instant receivedAt) {
}
