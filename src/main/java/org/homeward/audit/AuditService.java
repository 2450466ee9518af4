package org.homeward.audit;

import java.time.Clock;
import java.util.List;
import org.homeward.security.CurrentUser;
import org.homeward.security.Role;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RecordsAccessed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes every {@link RecordAccessed} event to the append-only audit table, inside the transaction of the read or
 * change it records: if the audit line cannot be written, the change is rolled back. Refused attempts are written in
 * a transaction of their own, because the attempt's transaction rolls back.
 */
@Service
public class AuditService {

    private final AuditRepository repository;
    private final Clock clock;

    AuditService(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener(condition = "#event.action != T(org.homeward.shared.RecordAccessed$Action).DENIED")
    @Transactional(propagation = Propagation.MANDATORY)
    void on(RecordAccessed event) {
        repository.append(event, clock.instant());
    }

    /** A batch of reads or changes from one request (never refusals), written with one statement. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(RecordsAccessed batch) {
        repository.appendAll(batch.entries(), clock.instant());
    }

    @EventListener(condition = "#event.action == T(org.homeward.shared.RecordAccessed$Action).DENIED")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onDenied(RecordAccessed event) {
        repository.append(event, clock.instant());
    }

    /** The audit trail, newest first; for administrators and governance leads only. */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(CurrentUser user, AuditQuery query) {
        user.requireRole("view the audit trail", Role.ADMIN, Role.GOVERNANCE);
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidInputException("from", "The 'from' date must not be after the 'to' date");
        }
        return repository.search(query, clock.getZone());
    }
}
