package org.homeward.escalation.web;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens, on a connection of its own, for the alert changes any app node announces on PostgreSQL's
 * {@value AlertStream#CHANNEL} channel, and tells this node's boards which alerts changed ({@link AlertStream#alertsChanged}). The
 * connection is opened outside the pool (it is held for as long as the node runs) and reopened whenever it is lost,
 * for instance while PostgreSQL restarts; after a reconnection the boards are woken once, because changes committed
 * while this node was not listening were not announced to it.
 */
@Component
class AlertChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertChangeListener.class);

    /** How long one wait for notifications lasts; also the longest a stop waits for the thread to notice. */
    private static final int WAIT_MILLIS = 500;
    /** A connection that has been silent this long is checked, so one dropped without a word is noticed. */
    private static final long CHECK_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long RECONNECT_AFTER_MILLIS = 2_000;

    private final DataSource dataSource;
    private final AlertStream boards;
    private volatile boolean running;
    private Thread thread;

    AlertChangeListener(DataSource dataSource, AlertStream boards) {
        this.dataSource = dataSource;
        this.boards = boards;
    }

    /** Before the web server opens (phase 0), so no board connects before this node listens. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "alert-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5 * WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean listenedBefore = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + AlertStream.CHANNEL);
                }
                if (listenedBefore) {
                    log.info("Listening again for alert changes from every node");
                    boards.allAlertsChanged();
                }
                listenedBefore = true;
                relay(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Not listening for alert changes from other nodes ({}); trying again in {} ms",
                            e.getMessage(), RECONNECT_AFTER_MILLIS);
                    pause();
                }
            }
        }
    }

    /** Until stopped or the connection fails: one wake-up of the boards for each arrival of notifications. */
    private void relay(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] arrived = postgres.getNotifications(WAIT_MILLIS);
            if (arrived != null && arrived.length > 0) {
                boards.alertsChanged(alertIds(arrived));
                lastHeard = System.nanoTime();
            } else if (System.nanoTime() - lastHeard > CHECK_AFTER_NANOS) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    /**
     * The alerts named by these notifications, each once. A notification without an id (sent by a node of an older
     * version) names none, and the boards then re-read everything.
     */
    static Set<String> alertIds(PGNotification[] arrived) {
        Set<String> ids = new LinkedHashSet<>();
        for (PGNotification notification : arrived) {
            String id = notification.getParameter();
            if (id == null || id.isBlank()) {
                return Set.of();
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * A connection of its own, to the server the pool uses, with the pool's credentials. Holding a pooled connection
     * for the node's lifetime would take one from the requests and be recycled under us.
     */
    private Connection connect() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            Properties properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("ApplicationName", "homeward alert listener");
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
