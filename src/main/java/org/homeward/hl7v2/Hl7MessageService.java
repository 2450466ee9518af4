package org.homeward.hl7v2;

import java.util.Locale;
import java.util.UUID;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.RecordAccessed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbound HL7 v2 messages for the administrator who runs the integration: those received from their
 * organisation's integration engine (and any received while no engine account could be found). Each search and each
 * message opened is audited, as the raw text holds patients' details.
 */
@Service
public class Hl7MessageService {

    public static final int PAGE_SIZE = 50;

    private final Hl7MessageRepository messages;
    private final ApplicationEventPublisher events;

    Hl7MessageService(Hl7MessageRepository messages, ApplicationEventPublisher events) {
        this.messages = messages;
        this.events = events;
    }

    @Transactional
    public Hl7MessagePage search(CurrentUser user, Hl7MessageQuery query, int page) {
        user.require(Permission.SEARCH_HL7_MESSAGES);
        if (page < 1) {
            throw new InvalidInputException("page", "must be 1 or more");
        }
        Hl7MessageQuery q = normalise(query);
        if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
            throw new InvalidInputException("to", "must be after from");
        }
        UUID organisation = user.organisationId().value();
        long total = messages.count(organisation, q);
        var found = messages.search(organisation, q, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.HL7_MESSAGE, null, null,
                "searched HL7 v2 messages " + describe(q) + ": " + total + " found"));
        return new Hl7MessagePage(found, total, page, PAGE_SIZE);
    }

    @Transactional
    public Hl7MessageView message(CurrentUser user, UUID id) {
        user.require(Permission.SEARCH_HL7_MESSAGES);
        Hl7MessageView message = messages.find(user.organisationId().value(), id)
                .orElseThrow(() -> new NotFoundException("No HL7 v2 message " + id));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.HL7_MESSAGE, id, null,
                "opened HL7 v2 message " + message.controlId()));
        return message;
    }

    /**
     * Outbound ADT (admissions and discharges) that the organisation's trust has not acknowledged yet, oldest first,
     * with the attempts and the last error: what the administrator chases with the trust's integration team.
     */
    @Transactional
    public java.util.List<Hl7OutboundView> waitingOutbound(CurrentUser user) {
        user.require(Permission.SEARCH_HL7_MESSAGES);
        var waiting = messages.waitingOutbound(user.organisationId().value(), PAGE_SIZE);
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.HL7_MESSAGE, null, null,
                "listed outbound HL7 v2 messages waiting: " + waiting.size()));
        return waiting;
    }

    private static Hl7MessageQuery normalise(Hl7MessageQuery q) {
        String nhs = blank(q.nhsNumber());
        if (nhs != null) {
            String problem = NhsNumber.problemWith(nhs);
            if (problem != null) {
                throw new InvalidInputException("nhsNumber", problem);
            }
            nhs = NhsNumber.of(nhs).value();
        }
        String event = blank(q.event());
        if (event != null && !event.toUpperCase(Locale.ROOT).matches("A[0-9]{2}")) {
            throw new InvalidInputException("event", "must be an ADT trigger event such as A01");
        }
        return new Hl7MessageQuery(blank(q.controlId()), nhs, event == null ? null : event.toUpperCase(Locale.ROOT),
                q.outcome(), q.from(), q.to());
    }

    private static String describe(Hl7MessageQuery q) {
        return "(control id " + q.controlId() + ", NHS number " + q.nhsNumber() + ", event " + q.event()
                + ", outcome " + q.outcome() + ", from " + q.from() + ", to " + q.to() + ")";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
