package org.homeward.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.homeward.security.CurrentUser;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages to people: the public API of the notification module. A message is stored with the caller's change
 * (so an alert and the messages about it commit together), then sent after commit; a send that fails is retried
 * {@code maxAttempts} times with doubling waits and then announced as {@link NotificationFailed}.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    static final String NOT_CONFIGURED = " is not configured here; told in the app instead";

    private final NotificationRepository repository;
    private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);
    private final NotificationProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate eachOnItsOwn;
    private final Clock clock;

    NotificationService(NotificationRepository repository, List<NotificationChannel> channels,
            NotificationProperties properties, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.properties = properties;
        this.events = events;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Stored when the caller's transaction commits; then the pending messages are sent. */
    record Queued(List<UUID> ids) {
    }

    /**
     * Tells each recipient in the app, and by email and text where they have an address and the channel is
     * configured. Joins the caller's transaction; sending happens after it commits.
     *
     * @return the messages recorded
     */
    @Transactional
    public List<NotificationView> notify(List<Recipient> recipients, Message message) {
        Instant now = clock.instant();
        Map<UserId, Recipient> unique = new LinkedHashMap<>();
        recipients.forEach(r -> unique.putIfAbsent(r.id(), r));
        List<NotificationView> recorded = new ArrayList<>();
        for (Recipient recipient : unique.values()) {
            String inApp = message.inAppDetail() == null ? message.body() : message.body() + " " + message.inAppDetail();
            recorded.add(record(recipient, Channel.IN_APP, null, message, inApp, NotificationStatus.DELIVERED, null, now));
            ContactDetails contact = repository.contact(recipient.id()).orElse(new ContactDetails(null, null));
            if (contact.email() != null) {
                recorded.add(outbound(recipient, Channel.EMAIL, contact.email(), message, now));
            }
            if (contact.mobilePhone() != null) {
                recorded.add(outbound(recipient, Channel.SMS, contact.mobilePhone(), message, now));
            }
        }
        List<UUID> pending = recorded.stream().filter(n -> n.status() == NotificationStatus.PENDING)
                .map(NotificationView::id).toList();
        if (!pending.isEmpty()) {
            events.publishEvent(new Queued(pending));
        }
        return recorded;
    }

    private NotificationView outbound(Recipient recipient, Channel channel, String address, Message message,
            Instant now) {
        if (!channels.get(channel).configured()) {
            return record(recipient, channel, address, message, message.body(), NotificationStatus.FAILED,
                    channel.label() + NOT_CONFIGURED, now);
        }
        return record(recipient, channel, address, message, message.body(), NotificationStatus.PENDING, null, now);
    }

    private NotificationView record(Recipient recipient, Channel channel, String address, Message message,
            String body, NotificationStatus status, String error, Instant now) {
        NotificationView n = new NotificationView(UUID.randomUUID(), recipient.id(), recipient.name(), channel,
                address, message.alertId(), message.subject(), body.length() > 2000 ? body.substring(0, 2000) : body,
                message.link(), status, 0, error, now, status == NotificationStatus.PENDING ? now : null,
                status == NotificationStatus.DELIVERED ? now : null, status == NotificationStatus.FAILED ? now : null,
                null);
        repository.insert(n);
        return n;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(Queued queued) {
        send(queued.ids(), clock.instant());
    }

    /**
     * Sends every message due now: first tries that did not happen at commit and retries whose wait is over
     * (scheduled every {@code homeward.notification.check-every}; tests call it with the time they choose).
     *
     * @return how many were tried
     */
    public int sendDue(Instant now) {
        List<UUID> due = eachOnItsOwn.execute(status -> repository.dueIds(now));
        return send(due, now);
    }

    private int send(List<UUID> ids, Instant now) {
        int tried = 0;
        for (UUID id : ids) {
            Boolean attempted = eachOnItsOwn.execute(status -> repository.lockDue(id, now).map(n -> {
                attempt(n, now);
                return true;
            }).orElse(false));
            tried += Boolean.TRUE.equals(attempted) ? 1 : 0;
        }
        return tried;
    }

    private void attempt(NotificationView n, Instant now) {
        int attempts = n.attempts() + 1;
        try {
            channels.get(n.channel()).send(n.address(), n.subject(), n.body() + linkLine(n));
            repository.recordAttempt(n.id(), NotificationStatus.SENT, attempts, null, null, now, null);
        } catch (NotificationChannel.SendFailedException e) {
            if (attempts >= properties.maxAttempts()) {
                String error = "Gave up after " + attempts + " attempts: " + e.getMessage();
                repository.recordAttempt(n.id(), NotificationStatus.FAILED, attempts, error, null, null, now);
                log.warn("{} to {} failed for good: {}", n.channel(), n.recipientName(), e.getMessage());
                events.publishEvent(new NotificationFailed(n.id(), n.alertId(), n.recipientId(), n.recipientName(),
                        n.channel(), error));
            } else {
                Duration wait = properties.retryBackoff().multipliedBy(1L << (attempts - 1));
                repository.recordAttempt(n.id(), NotificationStatus.PENDING, attempts, e.getMessage(), now.plus(wait),
                        null, null);
            }
        }
    }

    private String linkLine(NotificationView n) {
        return n.link() == null ? "" : "\n\nOpen Homeward: " + properties.publicUrl() + n.link();
    }

    /** The signed-in person's in-app messages, newest first. */
    @Transactional(readOnly = true)
    public List<NotificationView> mine(CurrentUser user) {
        return repository.inAppFor(user.id(), 100);
    }

    @Transactional(readOnly = true)
    public int unreadCount(CurrentUser user) {
        return repository.unreadCount(user.id());
    }

    @Transactional
    public int markAllRead(CurrentUser user) {
        return repository.markAllRead(user.id(), clock.instant());
    }

    /** Every message about an alert, on every channel, with its delivery record (for the alert's history). */
    @Transactional(readOnly = true)
    public List<NotificationView> aboutAlert(UUID alertId) {
        return repository.forAlert(alertId);
    }

    /** The signed-in person's own email and mobile number, for alerts outside the app. */
    @Transactional
    public ContactDetails updateMyContact(CurrentUser user, ContactDetails contact) {
        ContactDetails clean = validated(contact);
        repository.saveContact(user.id(), clean);
        events.publishEvent(RecordAccessed.updated(user, AuditedRecord.NOTIFICATION_CONTACT, user.id(), null,
                "changed their own contact details for alerts"));
        return clean;
    }

    @Transactional(readOnly = true)
    public ContactDetails myContact(CurrentUser user) {
        return repository.contact(user.id()).orElse(new ContactDetails(null, null));
    }

    /** Sets a person's contact details without a signed-in user: for the demo loader and tests. */
    @Transactional
    public void saveContact(UserId user, ContactDetails contact) {
        repository.saveContact(user, validated(contact));
    }

    private static ContactDetails validated(ContactDetails contact) {
        String email = blankToNull(contact == null ? null : contact.email());
        String mobile = blankToNull(contact == null ? null : contact.mobilePhone());
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidInputException("email", "Enter an email address like name@nhs.net");
        }
        if (mobile != null) {
            mobile = mobile.replace(" ", "");
            if (!mobile.matches("(\\+44|0)7\\d{9}")) {
                throw new InvalidInputException("mobilePhone", "Enter a UK mobile number like 07700 900123");
            }
        }
        return new ContactDetails(email, mobile);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
