package org.homeward.visit.routing;

/** A visit recorded as started (under way or done): who started it and when. */
public record StartedVisit(String visitId, String staffId, long actualStartMillis) {
}
