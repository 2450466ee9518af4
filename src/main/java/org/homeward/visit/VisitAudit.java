package org.homeward.visit;

import java.util.Collection;
import java.util.List;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RecordsAccessed;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Lists of visits show patients' names: each patient a list shows is audited against them, one line each, as the
 * census does (ADR 0002).
 */
final class VisitAudit {

    private VisitAudit() {
    }

    static void listed(ApplicationEventPublisher events, CurrentUser user, String recordType, String recordId,
            Collection<PatientId> shown, String detail) {
        List<RecordAccessed> lines = shown.stream().distinct().map(p -> new RecordAccessed(user.actor(),
                RecordAccessed.Action.READ, recordType, recordId, p.value(), detail)).toList();
        if (!lines.isEmpty()) {
            events.publishEvent(new RecordsAccessed(lines));
        }
    }
}
