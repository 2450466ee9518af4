package org.homeward.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562, section 5.7): the first 48 bits are the Unix time in milliseconds, the rest random. Rows
 * written in time order with such ids land at the right-hand end of their primary-key index instead of on a random
 * page of it, so a table written thousands of times a second (observation readings) keeps its index inserts on a few
 * hot pages and writes far fewer full-page images to the write-ahead log. The 74 random bits come from
 * {@link UUID#randomUUID()} (a cryptographically strong generator), as before; the ids are no more guessable than
 * the time they were made, and no id is a secret in Homeward (every read by id checks who may see it).
 */
public final class TimeOrderedUuid {

    private TimeOrderedUuid() {
    }

    /** A new version 7 UUID for something made at {@code at}. */
    public static UUID at(Instant at) {
        UUID random = UUID.randomUUID();
        long millis = at.toEpochMilli();
        // unix_ts_ms (48 bits) | ver = 7 (4 bits) | rand_a (12 bits)
        long most = (millis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        // the variant bits (10) are already set by randomUUID in the least significant half
        return new UUID(most, random.getLeastSignificantBits());
    }
}
