package org.homeward.fhir;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.homeward.shared.RecurringJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued Flag deliveries ({@link FlagSubscriptions}) every {@code homeward.fhir.subscriptions.send-every}
 * on one app node ({@link RecurringJob}): each as {@code POST} of the Flag ({@code application/fhir+json}) with
 * {@code X-Homeward-Signature: sha256=<hex HMAC-SHA256 of the body with the subscriber's secret>} and
 * {@code X-Homeward-Delivery: <id>}. A 2xx answer delivers it; any other answer or no answer keeps it, with the reason,
 * for another try after a wait that doubles from 30 seconds up to an hour, without end: administrators see what is
 * waiting and why. An alert's later state waits for its earlier one at the same subscriber, so they arrive in order.
 */
@Configuration(proxyBeanMethods = false)
class FlagSender {

    static final String SIGNATURE = "X-Homeward-Signature";
    static final String DELIVERY = "X-Homeward-Delivery";
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate eachOnItsOwn;
    private final Clock clock;
    private final Duration every;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FlagSender(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${homeward.fhir.subscriptions.send-every:PT10S}") Duration every) {
        this.jdbc = jdbc;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.clock = clock;
        this.every = every;
    }

    @Bean
    RecurringTask<Void> flagSenderJob() {
        return RecurringJob.every("fhir-flag-sender", every, () -> sendDue(clock.instant()));
    }

    private record Due(UUID id, String endpoint, String secret, String body, int attempts) {
    }

    /** Sends every delivery due at {@code now}, oldest first; returns how many were delivered. */
    int sendDue(Instant now) {
        int delivered = 0;
        while (true) {
            // a delivery that fails waits until after now, so each is tried at most once a call
            Integer done = eachOnItsOwn.execute(status -> nextDue(now).map(due -> send(due, now) ? 1 : 0).orElse(null));
            if (done == null) {
                return delivered;
            }
            delivered += done;
        }
    }

    /** The oldest due delivery whose alert has no earlier one waiting at the same subscriber, locked. */
    private Optional<Due> nextDue(Instant now) {
        return jdbc.sql("""
                select d.id, s.endpoint, s.secret, d.body, d.attempts from fhir_flag_delivery d
                join fhir_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= ? and s.active
                  and not exists (select 1 from fhir_flag_delivery e where e.subscription_id = d.subscription_id
                      and e.alert_id = d.alert_id and e.status = 'PENDING' and e.created_at < d.created_at)
                order by d.next_attempt_at, d.created_at limit 1 for update of d skip locked""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5)))
                .optional();
    }

    private boolean send(Due due, Instant now) {
        DeliveryFailure failure;
        Integer answered = null;
        String said = null;
        String message;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(due.endpoint()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/fhir+json")
                    .header(SIGNATURE, "sha256=" + hmac(due.secret(), due.body()))
                    .header(DELIVERY, due.id().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(due.body(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                jdbc.sql("""
                        update fhir_flag_delivery set status = 'DELIVERED', attempts = attempts + 1,
                            last_attempt_at = ?, delivered_at = ?, last_error = null, failure = null,
                            failure_status = null, failure_said = null where id = ?""")
                        .params(Timestamp.from(now), Timestamp.from(now), due.id()).update();
                return true;
            }
            String body = response.body() == null ? "" : response.body().strip();
            failure = DeliveryFailure.ERROR_ANSWER;
            answered = response.statusCode();
            said = body.isEmpty() ? null : body.substring(0, Math.min(body.length(), 300));
            message = "HTTP " + answered + (said == null ? "" : ": " + said);
        } catch (IOException | IllegalArgumentException e) {
            failure = DeliveryFailure.of(e);
            message = "could not reach " + due.endpoint() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = DeliveryFailure.INTERRUPTED;
            message = "interrupted";
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(due.attempts(), 10));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        jdbc.sql("""
                update fhir_flag_delivery set attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?,
                    last_error = ?, failure = ?, failure_status = ?, failure_said = ? where id = ?""")
                .params(Timestamp.from(now), Timestamp.from(now.plus(wait)),
                        message.length() > 2000 ? message.substring(0, 2000) : message, failure.name(), answered, said,
                        due.id())
                .update();
        return false;
    }

    /** HMAC-SHA256 of the body with the secret, in lower-case hex: what the subscriber computes to check the body. */
    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
