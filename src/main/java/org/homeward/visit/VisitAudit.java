package org.homeward.visit;

import java.util.Collection;
import org.homeward.security.CurrentUser;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordsAccessed;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Lists of visits show patients' names: each patient a list shows is audited against them, one line each, as the
 * census does (ADR 0002).
 */
final class VisitAudit {

    private VisitAudit() {
    }

    static void listed(ApplicationEventPublisher events, CurrentUser user, AuditedRecord record, Object recordId,
            Collection<PatientId> shown, String detail) {
        RecordsAccessed lines = RecordsAccessed.listed(user, record, recordId, shown, detail);
        if (!lines.isEmpty()) {
            events.publishEvent(lines);
        }
    }
}
