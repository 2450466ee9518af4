package org.homeward.demo;

/**
 * The demo service, loaded once per test JVM into the shared test database: its usernames and ward names can exist
 * only once, so every demo integration test shares the one load.
 */
final class DemoLoadedOnce {

    private static DemoLoadReport report;
    private static java.time.Instant loadStarted;

    private DemoLoadedOnce() {
    }

    static synchronized DemoLoadReport load(DemoLoader loader) {
        if (report == null) {
            loadStarted = java.time.Instant.now();
            report = loader.load();
        }
        return report;
    }

    static synchronized java.time.Instant loadStarted() {
        return loadStarted;
    }
}
