package org.homeward.escalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.homeward.escalation.AlertRaised;
import org.homeward.escalation.AlertSeverity;
import org.homeward.shared.PatientId;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Boards hear once per committed transaction, however many alerts it raised, and never about a rolled-back one. */
@IntegrationTest
class AlertStreamIT {

    @Autowired AlertStream stream;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    final List<String> sent = new ArrayList<>();

    /** A board connection that records what it is sent. */
    final class RecordingBoard extends SseEmitter {
        @Override
        public synchronized void send(SseEventBuilder builder) {
            sent.add(builder.build().stream().map(part -> String.valueOf(part.getData())).reduce("", String::concat));
        }
    }

    @BeforeEach
    void openABoard() {
        stream.register(new RecordingBoard());
        sent.clear();
    }

    @Test
    void aTransactionRaisingThreeAlertsIsOneEvent() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                events.publishEvent(new AlertRaised(UUID.randomUUID(), new PatientId(UUID.randomUUID()), null,
                        AlertSeverity.HIGH));
            }
            assertThat(sent).as("nothing before commit").isEmpty();
        });
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("alerts-changed");

        new TransactionTemplate(transactions).executeWithoutResult(status ->
                events.publishEvent(new AlertRaised(UUID.randomUUID(), new PatientId(UUID.randomUUID()), null,
                        AlertSeverity.LOW)));
        assertThat(sent).as("the next transaction is heard too").hasSize(2);
    }

    @Test
    void aRolledBackTransactionIsNotAnnounced() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new AlertRaised(UUID.randomUUID(), new PatientId(UUID.randomUUID()), null,
                    AlertSeverity.HIGH));
            status.setRollbackOnly();
        });
        assertThat(sent).isEmpty();
    }
}
