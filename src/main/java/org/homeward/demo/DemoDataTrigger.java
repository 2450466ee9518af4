package org.homeward.demo;

/**
 * Whether to load the demo service at start-up. Demo data must never appear in a live service's database, so it goes
 * only into an empty database (no users), and into an external one only when {@link DemoDataMode#ALWAYS} asks.
 */
final class DemoDataTrigger {

    record Decision(boolean load, String reason) {
    }

    private DemoDataTrigger() {
    }

    static boolean shouldLoad(DemoDataMode mode, boolean embeddedDatabase, boolean emptyDatabase) {
        return decide(mode, embeddedDatabase, emptyDatabase).load();
    }

    static Decision decide(DemoDataMode mode, boolean embeddedDatabase, boolean emptyDatabase) {
        if (mode == DemoDataMode.NEVER) {
            return new Decision(false, "homeward.demo-data is 'never'");
        }
        if (!emptyDatabase) {
            return new Decision(false, "the database already has users");
        }
        if (mode == DemoDataMode.AUTO && !embeddedDatabase) {
            return new Decision(false, "the database is external (spring.datasource.url is set); set "
                    + "homeward.demo-data=always to load the demo service into it");
        }
        return new Decision(true, mode == DemoDataMode.ALWAYS ? "homeward.demo-data is 'always' and the database is empty"
                : "the embedded database is empty");
    }
}
