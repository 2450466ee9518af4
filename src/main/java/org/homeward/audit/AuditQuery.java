package org.homeward.audit;

import java.time.LocalDate;
import java.util.UUID;

/** Filters for the audit trail; any may be {@code null}. Dates are inclusive, in the service's time zone. */
public record AuditQuery(String username, UUID patientId, String action, LocalDate from, LocalDate to, Integer limit) {

    public int limitOrDefault() {
        return limit == null ? 200 : Math.max(1, Math.min(limit, 1000));
    }
}
