package org.homeward.escalation.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.homeward.escalation.AlertChanged;
import org.homeward.escalation.AlertRaised;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells every open alert board, by server-sent event, that alerts changed, once the change is committed. The event
 * carries no patient data: each board fetches its own view, filtered for its user, from the database, so a board
 * that missed an event (or reconnects) is still right after its next fetch.
 */
@Component
class AlertStream {

    /** Idle streams are closed after this and the browser reconnects (EventSource does so by itself). */
    private static final long TIMEOUT_MILLIS = 10 * 60 * 1000L;

    private final List<SseEmitter> boards = new CopyOnWriteArrayList<>();

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
        broadcastAfterCommit();
    }

    @EventListener
    void on(AlertChanged changed) {
        broadcastAfterCommit();
    }

    /**
     * One event per committed transaction, however many alerts it raised or changed (a device batch can raise dozens):
     * each board re-fetches once, not once per alert. Nothing is sent for a transaction that rolls back.
     */
    private void broadcastAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            broadcast();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AlertStream.this);
                if (status == STATUS_COMMITTED) {
                    broadcast();
                }
            }
        });
    }

    private void broadcast() {
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
