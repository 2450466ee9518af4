package org.homeward.escalation.web;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.homeward.escalation.AlertChanged;
import org.homeward.escalation.AlertRaised;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells every open alert board, on every app node, by server-sent event, which alerts changed, once the change is
 * committed. The event carries alert ids only, never patient data: each board fetches those alerts' rows, filtered
 * for its user, from the database and replaces, inserts or removes just those rows. A board told all (after this
 * node's listener reconnected, or when too many changed at once) re-reads its whole view, so a board that missed
 * events is right again after its next full read; the page does one each time its stream (re)connects.
 *
 * <p>A change is announced with PostgreSQL's {@code NOTIFY} on the channel {@value #CHANNEL}, with the alert's id as
 * the payload, sent in the same transaction as the change, so PostgreSQL delivers it only if and when that
 * transaction commits (and folds repeats of one alert in one transaction into one). Every node, including the one
 * that made the change, listens ({@link AlertChangeListener}) and wakes its own boards: one path, whichever node a
 * board is connected to. The boards' connections themselves are this node's alone.
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

    /** Event data telling boards to re-read their whole view. */
    static final String ALL = "all";

    /** More alerts than this in one wake-up and boards re-read their whole view instead of asking for each. */
    static final int MOST_IDS_PER_EVENT = 200;

    @EventListener
    void on(AlertRaised raised) {
        announceOnCommit(raised.alertId());
    }

    @EventListener
    void on(AlertChanged changed) {
        announceOnCommit(changed.alertId());
    }

    /**
     * Announces the change of this alert in the caller's transaction (delivered when it commits; nothing for one that
     * rolls back), or at once when there is none. A transaction that changes many alerts (a device batch can raise
     * dozens) sends one notification per alert, all delivered together at its commit; PostgreSQL folds repeats of the
     * same alert. No state of our own is kept per transaction: a transaction started inside another's commit (a
     * failed message escalating its alert) must announce its own change.
     */
    private void announceOnCommit(UUID alertId) {
        jdbc.sql("select pg_notify(?, ?)").param(CHANNEL).param(alertId.toString()).query().singleRow();
    }

    /**
     * Called by the listener when any node committed alert changes: every board here is told which alerts (or
     * {@value #ALL}, for an empty set: re-read everything).
     */
    void alertsChanged(Collection<String> alertIds) {
        String data = alertIds.isEmpty() || alertIds.size() > MOST_IDS_PER_EVENT ? ALL : String.join(",", alertIds);
        boards.forEach(emitter -> send(emitter, "alerts-changed", data));
    }

    /** Every board here re-reads its whole view: for changes this node may not have been told of. */
    void allAlertsChanged() {
        alertsChanged(List.of());
    }

    private void send(SseEmitter emitter, String name) {
        send(emitter, name, name);
    }

    private void send(SseEmitter emitter, String name, String data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException gone) {
            boards.remove(emitter);
        }
    }
}
