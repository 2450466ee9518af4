package org.homeward.escalation.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.homeward.escalation.AlertChanged;
import org.homeward.escalation.AlertRaised;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells every open alert board, on every app node, by server-sent event, that alerts changed, once the change is
 * committed. The event carries no patient data: each board fetches its own view, filtered for its user, from the
 * database, so a board that missed an event (or reconnects) is still right after its next fetch.
 *
 * <p>A change is announced with PostgreSQL's {@code NOTIFY} on the channel {@value #CHANNEL}, sent in the same
 * transaction as the change, so PostgreSQL delivers it only if and when that transaction commits. Every node,
 * including the one that made the change, listens ({@link AlertChangeListener}) and wakes its own boards: one path,
 * whichever node a board is connected to. The boards' connections themselves are this node's alone.
 */
@Component
class AlertStream {

    static final String CHANNEL = "homeward_alerts";

    /** Idle streams are closed after this and the browser reconnects (EventSource does so by itself). */
    private static final long TIMEOUT_MILLIS = 10 * 60 * 1000L;

    private final List<SseEmitter> boards = new CopyOnWriteArrayList<>();
    private final JdbcClient jdbc;

    AlertStream(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    SseEmitter open() {
        return register(new SseEmitter(TIMEOUT_MILLIS));
    }

    SseEmitter register(SseEmitter emitter) {
        boards.add(emitter);
        emitter.onCompletion(() -> boards.remove(emitter));
        emitter.onTimeout(() -> boards.remove(emitter));
        emitter.onError(e -> boards.remove(emitter));
        send(emitter, "connected");
        return emitter;
    }

    @EventListener
    void on(AlertRaised raised) {
        announceOnCommit();
    }

    @EventListener
    void on(AlertChanged changed) {
        announceOnCommit();
    }

    /**
     * Announces the change in the caller's transaction (delivered when it commits; nothing for one that rolls back), or
     * at once when there is none. A transaction that raises or changes many alerts (a device batch can raise dozens)
     * is still one notification: PostgreSQL folds identical notifications of one transaction into one, so each board
     * re-fetches once. No flag of our own is kept per transaction: a transaction started inside another's commit
     * (a failed message escalating its alert) must announce its own change.
     */
    private void announceOnCommit() {
        jdbc.sql("select pg_notify(?, '')").param(CHANNEL).query().singleRow();
    }

    /** Called by the listener when any node committed an alert change: every board here re-fetches. */
    void alertsChanged() {
        boards.forEach(emitter -> send(emitter, "alerts-changed"));
    }

    private void send(SseEmitter emitter, String name) {
        try {
            emitter.send(SseEmitter.event().name(name).data(name));
        } catch (IOException | IllegalStateException gone) {
            boards.remove(emitter);
        }
    }
}
