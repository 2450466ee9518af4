package org.homeward.demo;

import java.util.Locale;

/** The {@code homeward.demo-data} setting. */
enum DemoDataMode {
    /** Only into an empty embedded database: a fresh install on a laptop, never a real server by accident. */
    AUTO,
    /** Into any empty database, also an external one; has to be asked for. */
    ALWAYS,
    NEVER;

    static DemoDataMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "homeward.demo-data (HOMEWARD_DEMO_DATA) must be auto, always or never, not '" + value + "'", e);
        }
    }
}
