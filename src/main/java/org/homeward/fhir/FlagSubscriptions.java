package org.homeward.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.escalation.AlertChanged;
import org.homeward.escalation.AlertRaised;
import org.homeward.escalation.AlertService;
import org.homeward.escalation.AlertView;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.RecordAccessed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Systems an organisation registers to receive its patients' alerts as FHIR Flags (a rest-hook: each raised or changed
 * alert POSTed as a UK Core Flag, the body signed with HMAC-SHA256 over a secret shared at registration). A delivery
 * is queued in the alert's own transaction for every active subscriber whose organisation is in the patient's care
 * team, so only those organisations' systems hear of the patient; {@link FlagSender} sends them.
 * <p>
 * An administrator switches a subscriber off (a receiving system retired or misbehaving) and on again. While it is off
 * no delivery is queued for it and none of its waiting deliveries is sent; those stay listed, waiting. Switched on
 * again, its waiting deliveries are due at once and sent in order, oldest first; alerts raised or changed while it was
 * off are not sent to it (it hears of such an alert at its next change).
 */
@Service
public class FlagSubscriptions {

    /** A registered subscriber (the secret is never shown again). */
    public record Subscription(UUID id, OrganisationId organisationId, String endpoint, boolean active,
            Instant createdAt, String createdBy) {
    }

    /**
     * One delivery of one alert's state to one subscriber: waiting (with why) or delivered. A failed try keeps its
     * kind ({@code failure}), the receiving system's HTTP status and the start of what it said when it answered, and
     * the sender's one-line technical message ({@code lastError}).
     */
    public record Delivery(UUID id, UUID subscriptionId, UUID alertId, String alertStatus, String status, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, String lastError, Instant deliveredAt,
            DeliveryFailure failure, Integer failureStatus, String failureSaid) {
    }

    private final JdbcClient jdbc;
    private final AlertService alerts;
    private final PatientService patients;
    private final FhirContext fhir;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FlagSubscriptions(JdbcClient jdbc, AlertService alerts, PatientService patients, FhirContext fhir, Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.patients = patients;
        this.fhir = fhir;
        this.clock = clock;
        this.events = events;
    }

    /** Registers a subscriber for the administrator's own organisation. */
    @Transactional
    public Subscription register(CurrentUser admin, String endpoint, String secret) {
        admin.require(Permission.MANAGE_FHIR_SUBSCRIPTIONS);
        URI uri;
        try {
            uri = endpoint == null ? null : URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || endpoint.length() > 500) {
            throw new InvalidInputException("endpoint", "must be an http or https address of at most 500 characters");
        }
        if (secret == null || secret.length() < 32 || secret.length() > 200) {
            throw new InvalidInputException("secret", "must be 32 to 200 characters, shared with the subscriber only");
        }
        Subscription subscription = new Subscription(UUID.randomUUID(), admin.organisationId(), uri.toString(), true,
                clock.instant(), admin.username());
        jdbc.sql("""
                insert into fhir_subscription (id, organisation_id, endpoint, secret, active, created_at, created_by)
                values (?, ?, ?, ?, true, ?, ?)""")
                .params(subscription.id(), admin.organisationId().value(), subscription.endpoint(), secret,
                        Timestamp.from(subscription.createdAt()), admin.username())
                .update();
        events.publishEvent(RecordAccessed.created(admin, AuditedRecord.FLAG_SUBSCRIPTION, subscription.id(), null,
                "Registered Flag subscriber " + subscription.endpoint()));
        return subscription;
    }

    /**
     * Switches a subscriber of the administrator's own organisation off: no delivery is queued for it from now on, and
     * its waiting deliveries are not sent (they stay listed) until it is switched on again. Switching off one that is
     * off changes nothing. Audited. Another organisation's subscriber is answered as one that does not exist.
     */
    @Transactional
    public Subscription switchOff(CurrentUser admin, UUID id) {
        admin.require(Permission.MANAGE_FHIR_SUBSCRIPTIONS);
        Subscription subscription = own(admin, id);
        if (jdbc.sql("update fhir_subscription set active = false where id = ? and active").param(id).update() > 0) {
            events.publishEvent(RecordAccessed.updated(admin, AuditedRecord.FLAG_SUBSCRIPTION, id, null,
                    "Switched off Flag subscriber (waiting deliveries kept unsent: " + waiting(id) + ") "
                            + subscription.endpoint()));
        }
        return own(admin, id);
    }

    /**
     * Switches a subscriber of the administrator's own organisation on again: alerts raised or changed from now on are
     * queued for it, and its waiting deliveries (queued before it was switched off) are due at once, sent in order.
     * Switching on one that is on changes nothing. Audited. Another organisation's subscriber is answered as one that
     * does not exist.
     */
    @Transactional
    public Subscription switchOn(CurrentUser admin, UUID id) {
        admin.require(Permission.MANAGE_FHIR_SUBSCRIPTIONS);
        Subscription subscription = own(admin, id);
        if (jdbc.sql("update fhir_subscription set active = true where id = ? and not active").param(id).update() > 0) {
            int waiting = jdbc.sql("""
                    update fhir_flag_delivery set next_attempt_at = ?
                    where subscription_id = ? and status = 'PENDING'""")
                    .params(Timestamp.from(clock.instant()), id).update();
            events.publishEvent(RecordAccessed.updated(admin, AuditedRecord.FLAG_SUBSCRIPTION, id, null,
                    "Switched on Flag subscriber (waiting deliveries to be sent now: " + waiting + ") "
                            + subscription.endpoint()));
        }
        return own(admin, id);
    }

    /** The administrator's organisation's subscribers. */
    @Transactional(readOnly = true)
    public List<Subscription> subscriptions(CurrentUser admin) {
        admin.require(Permission.MANAGE_FHIR_SUBSCRIPTIONS);
        return jdbc.sql("""
                select id, organisation_id, endpoint, active, created_at, created_by from fhir_subscription
                where organisation_id = ? order by created_at""").param(admin.organisationId().value())
                .query((rs, n) -> new Subscription(rs.getObject(1, UUID.class),
                        new OrganisationId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    private Subscription own(CurrentUser admin, UUID id) {
        return jdbc.sql("""
                select id, organisation_id, endpoint, active, created_at, created_by from fhir_subscription
                where id = ? and organisation_id = ?""").params(id, admin.organisationId().value())
                .query((rs, n) -> new Subscription(rs.getObject(1, UUID.class),
                        new OrganisationId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .optional()
                .orElseThrow(() -> new NotFoundException("Your organisation has no Flag subscriber with id " + id));
    }

    private int waiting(UUID subscriptionId) {
        return jdbc.sql("select count(*) from fhir_flag_delivery where subscription_id = ? and status = 'PENDING'")
                .param(subscriptionId).query(Integer.class).single();
    }

    /**
     * The deliveries to the administrator's organisation's subscribers, newest first: {@code waitingOnly} for those not
     * yet delivered, each with its attempts and the last failure.
     */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(CurrentUser admin, boolean waitingOnly, int limit) {
        admin.require(Permission.MANAGE_FHIR_SUBSCRIPTIONS);
        return jdbc.sql("""
                select d.id, d.subscription_id, d.alert_id, d.alert_status, d.status, d.attempts, d.created_at,
                    d.next_attempt_at, d.last_attempt_at, d.last_error, d.delivered_at, d.failure, d.failure_status,
                    d.failure_said
                from fhir_flag_delivery d join fhir_subscription s on s.id = d.subscription_id
                where s.organisation_id = ? and (not ? or d.status = 'PENDING')
                order by d.created_at desc limit ?""")
                .params(admin.organisationId().value(), waitingOnly, Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getInt(6),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), instant(rs.getTimestamp(9)),
                        rs.getString(10), instant(rs.getTimestamp(11)),
                        rs.getString(12) == null ? null : DeliveryFailure.valueOf(rs.getString(12)),
                        rs.getObject(13, Integer.class), rs.getString(14)))
                .list();
    }

    @EventListener
    @Transactional
    void on(AlertRaised raised) {
        queue(raised.alertId());
    }

    @EventListener
    @Transactional
    void on(AlertChanged changed) {
        queue(changed.alertId());
    }

    private void queue(UUID alertId) {
        AlertView alert = alerts.forDelivery(alertId).orElse(null);
        if (alert == null) {
            return;
        }
        List<UUID> careTeam = patients.careTeamOrganisations(alert.patientId()).stream().map(OrganisationId::value)
                .toList();
        if (careTeam.isEmpty()) {
            return;
        }
        List<UUID> subscribers = jdbc.sql("select id from fhir_subscription where active and organisation_id = any(?)")
                .param(careTeam.toArray(new UUID[0])).query(UUID.class).list();
        if (subscribers.isEmpty()) {
            return;
        }
        String body = fhir.newJsonParser().encodeResourceToString(FlagTranslator.toFhir(alert));
        Timestamp now = Timestamp.from(clock.instant());
        for (UUID subscriber : subscribers) {
            jdbc.sql("""
                    insert into fhir_flag_delivery (id, subscription_id, alert_id, patient_id, alert_status, body,
                        created_at, status, next_attempt_at)
                    values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                    .params(UUID.randomUUID(), subscriber, alert.id(), alert.patientId().value(),
                            alert.status().name(), body, now, now)
                    .update();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
