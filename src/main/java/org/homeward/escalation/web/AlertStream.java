package org.homeward.escalation.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.homeward.escalation.AlertChanged;
import org.homeward.escalation.AlertRaised;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
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
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        boards.add(emitter);
        emitter.onCompletion(() -> boards.remove(emitter));
        emitter.onTimeout(() -> boards.remove(emitter));
        emitter.onError(e -> boards.remove(emitter));
        send(emitter, "connected");
        return emitter;
    }

    @TransactionalEventListener
    void on(AlertRaised raised) {
        broadcast();
    }

    @TransactionalEventListener
    void on(AlertChanged changed) {
        broadcast();
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
