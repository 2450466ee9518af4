package org.homeward.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.homeward.shared.RecurringJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued outbound ADT over MLLP (HAPI's client) every {@code homeward.hl7v2.outbound.send-every}, on one
 * app node ({@link RecurringJob}). A message is done when the trust answers AA (or CA); any other answer, no answer or
 * no connection is recorded on the message (attempts, the error) and it is tried again after a wait that doubles up to
 * the longest wait, without end: administrators see the messages still waiting and why. A patient's later message
 * waits for their earlier one, so a discharge never arrives before its admission.
 */
@Configuration(proxyBeanMethods = false)
class AdtSender {

    private static final Logger log = LoggerFactory.getLogger(AdtSender.class);

    private final Hl7v2Properties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate eachOnItsOwn;
    private final Clock clock;
    private final HapiContext hapi = MllpListener.newContext();

    AdtSender(Hl7v2Properties properties, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> outboundAdtSender() {
        return RecurringJob.every("hl7v2-outbound-sender", properties.outbound().sendEvery(),
                () -> sendDue(clock.instant()));
    }

    private record Due(UUID id, String controlId, String message, int attempts) {
    }

    /** Sends every message due at {@code now}, oldest first; returns how many the trust acknowledged AA. */
    int sendDue(Instant now) {
        if (!properties.outbound().enabled()) {
            return 0;
        }
        int sent = 0;
        while (true) {
            // a message that fails waits until after now, so each message is tried at most once a call
            Integer done = eachOnItsOwn.execute(status -> nextDue(now).map(due -> send(due, now) ? 1 : 0).orElse(null));
            if (done == null) {
                return sent;
            }
            sent += done;
        }
    }

    /** The oldest due message whose patient has no earlier message waiting, locked against other nodes. */
    private Optional<Due> nextDue(Instant now) {
        return jdbc.sql("""
                select id, control_id, message, attempts from hl7_outbound o
                where status = 'PENDING' and next_attempt_at <= ?
                  and not exists (select 1 from hl7_outbound e where e.patient_id = o.patient_id
                                  and e.status = 'PENDING' and e.created_at < o.created_at)
                order by created_at, id limit 1 for update skip locked""")
                .param(Timestamp.from(now))
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("control_id"),
                        rs.getString("message"), rs.getInt("attempts")))
                .optional();
    }

    private boolean send(Due due, Instant now) {
        String error;
        String ack = null;
        Connection c = null;
        try {
            // HAPI's connection hub keeps one connection to the trust open between messages
            c = hapi.newClient(properties.outbound().host(), properties.outbound().port(), false);
            c.getInitiator().setTimeout(10, TimeUnit.SECONDS);
            Message response = c.getInitiator().sendAndReceive(hapi.getPipeParser().parse(due.message()));
            ack = hapi.getPipeParser().encode(response);
            Terser t = new Terser(response);
            String code = t.get("/MSA-1");
            if ("AA".equals(code) || "CA".equals(code)) {
                jdbc.sql("""
                        update hl7_outbound set status = 'SENT', attempts = attempts + 1, last_attempt_at = ?,
                            acknowledged_at = ?, ack = ?, last_error = null where id = ?""")
                        .params(Timestamp.from(now), Timestamp.from(clock.instant()), ack, due.id()).update();
                return true;
            }
            String why = firstOf(t, "/ERR-8", "/ERR-3-9", "/MSA-3");
            error = "the trust answered " + code + (why == null ? "" : ": " + why);
        } catch (HL7Exception | LLPException | IOException | RuntimeException e) {
            error = "not sent: " + e.getMessage();
            closeQuietly(c);
        }
        int attempts = due.attempts() + 1;
        Instant next = now.plus(properties.outbound().waitAfter(attempts));
        log.warn("Outbound ADT {} attempt {} failed ({}); next try at {}", due.controlId(), attempts, error, next);
        jdbc.sql("""
                update hl7_outbound set attempts = ?, last_attempt_at = ?, next_attempt_at = ?, last_error = ?, ack = ?
                where id = ?""")
                .params(attempts, Timestamp.from(now), Timestamp.from(next),
                        error.length() > 2000 ? error.substring(0, 2000) : error, ack, due.id())
                .update();
        return false;
    }

    private static String firstOf(Terser t, String... paths) {
        for (String path : paths) {
            try {
                String value = t.get(path);
                if (value != null && !value.isBlank()) {
                    return value;
                }
            } catch (HL7Exception e) {
                // not in this version's structure: try the next
            }
        }
        return null;
    }

    /** Drops a connection that failed, so the next message opens a new one. */
    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (Exception e) {
            log.debug("closing a failed connection to the trust", e);
        }
    }
}
