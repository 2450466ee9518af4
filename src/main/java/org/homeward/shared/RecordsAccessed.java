package org.homeward.shared;

import java.util.Collection;
import java.util.List;

/**
 * Several {@link RecordAccessed} entries from one request (e.g. a device batch touching many patients), written to
 * the audit trail in one batch inside the request's transaction.
 */
public record RecordsAccessed(List<RecordAccessed> entries) {

    /**
     * A list that shows patients (census, alert board, referral lists, visit plans): one READ line per patient shown,
     * against that patient, so each patient's trail names everyone who saw them in a list (ADR 0002).
     */
    public static RecordsAccessed listed(RecordAccessed.By by, AuditedRecord record, Object recordId,
            Collection<PatientId> shown, String detail) {
        return new RecordsAccessed(shown.stream().distinct()
                .map(p -> RecordAccessed.read(by, record, recordId, p, detail)).toList());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
