package org.homeward.audit;

import java.util.List;
import org.homeward.patient.PatientSummary;

/**
 * One page of the audit trail.
 *
 * @param total the number of lines matching the filters, on every page
 * @param patientMatches when a patient was named by name or NHS number: the patients in the reader's organisation's
 *     care that matched (the trail is filtered only when exactly one did)
 * @param patientText what was typed to name the patient, or {@code null}
 */
public record AuditPage(List<AuditEntry> entries, long total, int page, int pageSize,
        List<PatientSummary> patientMatches, String patientText) {

    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** The patient named, when exactly one matched. */
    public PatientSummary patient() {
        return patientMatches.size() == 1 ? patientMatches.get(0) : null;
    }

    public long firstShown() {
        return entries.isEmpty() ? 0 : (long) (page - 1) * pageSize + 1;
    }

    public long lastShown() {
        return (long) (page - 1) * pageSize + entries.size();
    }
}
