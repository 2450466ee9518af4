package org.homeward.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in integration tests: the system clock in the service's zone, unless a test stops it at a
 * chosen moment (a morning of a day nobody else's test uses, say) to make "now" part of the test's facts. A test that
 * sets it resets it afterwards; tests run one at a time in one context.
 */
public class TestClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Stops the clock at {@code instant} until {@link #reset()}. */
    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Back to the system clock. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.system(other);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at == null ? Instant.now() : at;
    }
}
