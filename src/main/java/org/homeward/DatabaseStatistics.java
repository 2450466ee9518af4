package org.homeward;

import org.homeward.demo.DemoDataLoaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refreshes PostgreSQL's planner statistics after a bulk load. Until autovacuum analyses the tables (a minute or more
 * later), the planner plans for the empty tables it last saw, and the ingest path's per-patient lookups ran four times
 * slower in the benchmark (3,400 against 13,500 readings a second) on a freshly loaded demo service.
 */
@Component
class DatabaseStatistics {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStatistics.class);

    private final JdbcTemplate jdbc;

    DatabaseStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(DemoDataLoaded loaded) {
        long started = System.nanoTime();
        jdbc.execute("analyze");
        log.info("Planner statistics refreshed after loading {} demo journeys in {} ms", loaded.patients(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
