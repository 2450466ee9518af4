package org.homeward.diagnostics;

import java.time.Instant;

/**
 * An order's sample: who took it, when, where, labelled, and its transport to the lab.
 *
 * @param visit the home visit it was taken at, when recorded from that visit; {@code null} otherwise
 */
public record SampleView(String takenBy, Instant takenAt, boolean atHomeVisit, boolean labelled,
        SampleTransport transport, Instant dispatchedAt, Instant receivedAt, VisitReference visit) {
}
