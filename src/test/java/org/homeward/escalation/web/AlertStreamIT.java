package org.homeward.escalation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.homeward.escalation.AlertRaised;
import org.homeward.escalation.AlertSeverity;
import org.homeward.shared.PatientId;
import org.homeward.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Alert changes are announced through PostgreSQL (NOTIFY on {@value AlertStream#CHANNEL}, the alert's id as payload)
 * when their transaction commits, once per alert however often it changed, and never for a rolled-back one; the boards of this node hear them
 * through the same path as any other node's ({@link AlertChangeListener}). Two nodes: {@code org.homeward.TwoNodesIT}.
 */
@IntegrationTest
class AlertStreamIT {

    @Autowired AlertStream stream;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired DataSource dataSource;

    final List<String> sent = new CopyOnWriteArrayList<>();
    Connection listening;
    final List<PGNotification> heard = new ArrayList<>();

    /** A board connection that records what it is sent. */
    final class RecordingBoard extends SseEmitter {
        @Override
        public synchronized void send(SseEventBuilder builder) {
            sent.add(builder.build().stream().map(part -> String.valueOf(part.getData())).reduce("", String::concat));
        }
    }

    @BeforeEach
    void listenAsAnotherNodeWould() throws SQLException {
        stream.register(new RecordingBoard());
        sent.clear();
        // a connection of its own, as the listener has: a pooled one would carry notifications to the next borrower
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        listening = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        try (Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + AlertStream.CHANNEL);
        }
    }

    @AfterEach
    void stopListening() throws SQLException {
        listening.close();
    }

    @Test
    void aTransactionRaisingThreeAlertsIsAnnouncedAtCommitNamingEachAlertOnly() throws SQLException {
        List<UUID> raised = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                raised.add(raise(AlertSeverity.HIGH));
            }
            // the same alert changed twice in one transaction is one notification (PostgreSQL folds repeats)
            events.publishEvent(new AlertRaised(raised.get(0), new PatientId(UUID.randomUUID()), null, AlertSeverity.HIGH));
            assertThat(sent).as("nothing before commit").isEmpty();
        });
        UUID later = new TransactionTemplate(transactions).execute(status -> raise(AlertSeverity.LOW));

        await().atMost(Duration.ofSeconds(10)).until(() -> collect() >= 4);
        assertThat(drain()).as("one for each alert of the two transactions").isEqualTo(4);
        assertThat(heard).extracting(PGNotification::getParameter).as("the alert ids, no patient data")
                .containsExactly(raised.get(0).toString(), raised.get(1).toString(), raised.get(2).toString(),
                        later.toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(String.join("|", sent))
                .contains(raised.get(0).toString()).contains(raised.get(2).toString()).contains(later.toString()));
    }

    @Test
    void notificationsWithoutAnIdTellBoardsToReadEverything() {
        assertThat(AlertChangeListener.alertIds(new PGNotification[0])).isEmpty();
        stream.alertsChanged(List.of());
        assertThat(sent).singleElement().asString().contains("event:alerts-changed").contains("data:" + AlertStream.ALL);
    }

    @Test
    void aRolledBackTransactionIsNotAnnounced() throws SQLException {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            raise(AlertSeverity.HIGH);
            status.setRollbackOnly();
        });
        // a committed transaction after it: notifications arrive in commit order, so once its one is heard any
        // notification of the rolled-back transaction would have been heard before it
        new TransactionTemplate(transactions).executeWithoutResult(status -> raise(AlertSeverity.LOW));

        await().atMost(Duration.ofSeconds(10)).until(() -> collect() >= 1);
        assertThat(drain()).isEqualTo(1);
    }

    @Test
    void thisNodesBoardsHearACommittedChangeThroughTheListener() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            raise(AlertSeverity.HIGH);
            assertThat(sent).as("nothing before commit").isEmpty();
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sent)
                .anySatisfy(event -> assertThat(event).contains("alerts-changed")));
    }

    private UUID raise(AlertSeverity severity) {
        UUID id = UUID.randomUUID();
        events.publishEvent(new AlertRaised(id, new PatientId(UUID.randomUUID()), null, severity));
        return id;
    }

    /** Reads what has arrived on the listening connection (waiting up to 100 ms); returns how many in all. */
    private int collect() throws SQLException {
        PGNotification[] arrived = listening.unwrap(PGConnection.class).getNotifications(100);
        if (arrived != null) {
            heard.addAll(List.of(arrived));
        }
        return heard.size();
    }

    /** A round trip first: PostgreSQL delivers everything committed before it ahead of the reply. */
    private int drain() throws SQLException {
        try (Statement statement = listening.createStatement()) {
            statement.execute("select 1");
        }
        PGNotification[] arrived = listening.unwrap(PGConnection.class).getNotifications();
        if (arrived != null) {
            heard.addAll(List.of(arrived));
        }
        return heard.size();
    }
}
