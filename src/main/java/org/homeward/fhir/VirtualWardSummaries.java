package org.homeward.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published virtual-ward summaries, read by anyone whose organisation is in the patient's care team (the GP's
 * practice among them): the same care-team rule and audit as the patient's record. Another organisation is told the
 * summary does not exist.
 */
@Service
public class VirtualWardSummaries {

    /** A published summary: the collection Bundle (FHIR JSON) and its PDF. */
    public record Published(AdmissionId admissionId, PatientId patientId, Instant publishedAt, String bundleJson,
            byte[] pdf) {
    }

    private final PatientService patients;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final FhirContext fhir;

    VirtualWardSummaries(PatientService patients, JdbcClient jdbc, ApplicationEventPublisher events, FhirContext fhir) {
        this.patients = patients;
        this.jdbc = jdbc;
        this.events = events;
        this.fhir = fhir;
    }

    /** The stay's summary; 404 when there is none yet, or none the user's organisation may see. */
    @Transactional
    public Published summary(CurrentUser user, AdmissionId admission, String what) {
        Row row = jdbc.sql("""
                select patient_id, status, published_at, bundle, pdf from virtual_ward_summary
                where admission_id = ?""").param(admission.value())
                .query((rs, n) -> new Row(new PatientId(rs.getObject(1, UUID.class)), rs.getString(2),
                        new Published(admission, new PatientId(rs.getObject(1, UUID.class)),
                                rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4),
                                rs.getBytes(5))))
                .optional().orElseThrow(() -> notReady(admission));
        // the care team is checked before anything is said about the summary, and an organisation outside it gets the
        // answer for a stay with no summary, so it learns nothing, not even whose stay it is (hazard H336)
        patients.requireVisibleRecord(user, row.patient(), () -> notReady(admission));
        if (!"PUBLISHED".equals(row.status())) {
            throw notReady(admission);
        }
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.VIRTUAL_WARD_SUMMARY, admission.value(),
                row.patient(), what));
        return row.summary();
    }

    private record Row(PatientId patient, String status, Published summary) {
    }

    /** The summary whose DocumentReference has this id; 404 as {@link #summary}. */
    @Transactional
    public Published summaryWithDocument(CurrentUser user, UUID documentId, String what) {
        AdmissionId admission = jdbc.sql("select admission_id from virtual_ward_summary where document_id = ?")
                .param(documentId).query((rs, n) -> new AdmissionId(rs.getObject(1, UUID.class))).optional()
                .orElseThrow(() -> new NotFoundException("There is no virtual ward summary document " + documentId));
        return summary(user, admission, what);
    }

    /** The patient's published summaries, newest first, read in one query and audited once. */
    @Transactional
    public List<Published> summariesOf(CurrentUser user, PatientId patient, String what) {
        patients.requireVisible(user, patient);
        List<Published> found = jdbc.sql("""
                select admission_id, published_at, bundle, pdf from virtual_ward_summary
                where patient_id = ? and status = 'PUBLISHED' order by published_at desc""").param(patient.value())
                .query((rs, n) -> new Published(new AdmissionId(rs.getObject(1, UUID.class)), patient,
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBytes(4)))
                .list();
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.VIRTUAL_WARD_SUMMARY, null, patient,
                what + ": " + found.size() + " summary(ies)"));
        return found;
    }

    Bundle bundle(Published published) {
        return fhir.newJsonParser().parseResource(Bundle.class, published.bundleJson());
    }

    private static NotFoundException notReady(AdmissionId admission) {
        return new NotFoundException("There is no virtual ward summary for admission " + admission.value()
                + " yet: it is made within minutes of the discharge.");
    }
}
