package org.homeward.visit.routing;

/**
 * When a visit may start: from {@code startMillis} up to and including {@code endMillis}. The window bounds the
 * start, not the end, because that is what clinical timing means (a dose due at 14:00 +- 30 minutes is given between
 * 13:30 and 14:30) and what both benchmark families use.
 */
public record TimeWindow(long startMillis, long endMillis) {

    public TimeWindow {
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("time window ends before it starts: " + startMillis + ".." + endMillis);
        }
    }

    public boolean contains(long millis) {
        return millis >= startMillis && millis <= endMillis;
    }
}
