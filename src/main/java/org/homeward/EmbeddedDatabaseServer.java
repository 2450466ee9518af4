package org.homeward;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server over its life: started on the data folder (after stopping an orphan a killed run
 * left behind), watched, started again on the same port and folder if its process dies, and stopped last, after the
 * web server has finished its requests and the connection pool is closed.
 *
 * <p>The watchdog matters because the connection pool can only reconnect to a server that exists: with an external
 * PostgreSQL someone else restarts it, with the embedded one nobody would. The port stays the same so that the pool's
 * URL stays right and it reconnects by itself.
 */
final class EmbeddedDatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

    /** Crash recovery (replaying the write-ahead log) after a kill can take longer than zonky's default 10 s. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path pgData;
    private final EmbeddedDatabasePassword password;
    private final ScheduledExecutorService watchdog;
    private volatile EmbeddedPostgres server;
    private volatile boolean closing;
    private final boolean syncToDisk;

    private EmbeddedDatabaseServer(Path pgData, EmbeddedDatabasePassword password, EmbeddedPostgres server,
            boolean syncToDisk) {
        this.pgData = pgData;
        this.password = password;
        this.server = server;
        this.syncToDisk = syncToDisk;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the server on {@code pgData}, creating it if new, protected by {@code password}, and watches it every
     * {@code checkEvery}.
     */
    static EmbeddedDatabaseServer start(Path pgData, EmbeddedDatabasePassword password, boolean cleanOnStart,
            Duration checkEvery) throws IOException {
        return start(pgData, password, cleanOnStart, checkEvery, true);
    }

    /**
     * As {@link #start(Path, EmbeddedDatabasePassword, boolean, Duration)}; {@code syncToDisk} false (the test suite
     * only) turns off fsync and full-page writes: a commit still reaches the operating system before it returns, so
     * it survives the process kills the crash tests make, but not a power cut, which no test makes.
     */
    static EmbeddedDatabaseServer start(Path pgData, EmbeddedDatabasePassword password, boolean cleanOnStart,
            Duration checkEvery, boolean syncToDisk) throws IOException {
        if (EmbeddedPostmaster.stopOrphan(pgData)) {
            log.info("Orphaned embedded PostgreSQL stopped; starting afresh on {}", pgData);
        }
        EmbeddedDatabaseServer database = new EmbeddedDatabaseServer(pgData, password,
                launch(pgData, password, cleanOnStart, 0, syncToDisk), syncToDisk);
        database.watchdog.scheduleWithFixedDelay(database::startAgainIfGone, checkEvery.toMillis(),
                checkEvery.toMillis(), TimeUnit.MILLISECONDS);
        return database;
    }

    String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    int port() {
        return server.getPort();
    }

    /** The zonky instance now running the server; tests use it to run what zonky's shutdown hook would. */
    EmbeddedPostgres current() {
        return server;
    }

    /** The postmaster's process number, for operators' logs and for tests that kill it. */
    Optional<Long> pid() {
        return EmbeddedPostmaster.pidOf(pgData);
    }

    /**
     * Runs on the watchdog thread. A postmaster that was killed (or crashed) leaves its postmaster.pid behind naming
     * a dead process; its server processes notice and exit within moments. Starting a new server on the same folder
     * and port then brings the data back exactly as committed. A start that fails (an old server process still
     * holding the shared memory) is tried again at the next check.
     */
    private synchronized void startAgainIfGone() {
        if (closing || EmbeddedPostmaster.runningOn(pgData).isPresent()) {
            return;
        }
        int port = server.getPort();
        log.error("The embedded PostgreSQL server on port {} has stopped; starting it again on {}", port, pgData);
        try {
            // releases zonky's lock on the data folder so that a new instance may take it; its pg_ctl stop finds
            // no server and says so
            letGo(server).close();
            EmbeddedPostmaster.stopOrphan(pgData);
            server = launch(pgData, password, false, port, syncToDisk);
            log.info("The embedded PostgreSQL server is running again on port {}", port);
        } catch (IOException | RuntimeException e) {
            log.error("Could not start the embedded PostgreSQL server again; trying at the next check", e);
        }
    }

    /** Stops the watchdog, then the server (pg_ctl stop -m fast: open sessions end, a checkpoint is written). */
    @Override
    public synchronized void close() throws IOException {
        if (closing) {
            return;
        }
        closing = true;
        watchdog.shutdownNow();
        letGo(server).close();
    }

    private static EmbeddedPostgres launch(Path pgData, EmbeddedDatabasePassword password, boolean clean, int port,
            boolean syncToDisk) throws IOException {
        EmbeddedPostgres server = password.protect(password.applyTo(EmbeddedPostgres.builder())
                .setDataDirectory(pgData)
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("max_connections", "100")
                // the demo loader writes the whole service in one transaction, and each discharge takes the patient's
                // scoring lock (an advisory lock held to the end of the transaction): at demo scale 120, 18,000 locks,
                // where the shared lock table holds 64 a connection by default (6,400) and the load failed with "out
                // of shared memory"; 256 a connection (25,600 in all) costs about 10 MB of shared memory
                .setServerConfig("max_locks_per_transaction", "256")
                // zonky's builder defaults to synchronous_commit=off (fast tests); Homeward acknowledges readings
                // only once they are durable, so a commit must reach the disk before it returns
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", syncToDisk ? "on" : "off")
                .setServerConfig("full_page_writes", syncToDisk ? "on" : "off")
                .start());
        holdBackShutdownHook(server);
        return server;
    }

    /*
     * zonky registers a JVM shutdown hook that stops the server at once. The JVM runs all shutdown hooks at the same
     * time, so on a SIGTERM that hook would stop PostgreSQL while Spring's own hook is still letting the web server
     * finish its requests, and those requests would fail. zonky's close() does nothing once its "closed" flag is set,
     * so the flag is set here, making its hook a no-op, and cleared by letGo just before this class closes the server
     * itself, in the order Spring destroys its beans (after the web server and the connection pool). zonky offers no
     * switch for its hook, hence reflection on its private field; if a zonky upgrade renames it, the server is still
     * stopped, only not last, and a warning says so.
     */
    private static void holdBackShutdownHook(EmbeddedPostgres server) {
        closedFlag(server).ifPresent(closed -> closed.set(true));
    }

    private static EmbeddedPostgres letGo(EmbeddedPostgres server) {
        closedFlag(server).ifPresent(closed -> closed.set(false));
        return server;
    }

    private static Optional<AtomicBoolean> closedFlag(EmbeddedPostgres server) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            return Optional.of((AtomicBoolean) closed.get(server));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot defer zonky's shutdown hook ({}); on a SIGTERM PostgreSQL may stop before the last "
                    + "requests finish", e.toString());
            return Optional.empty();
        }
    }
}
