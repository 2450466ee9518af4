package org.homeward.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.security.CurrentUser;
import org.homeward.security.Permission;
import org.homeward.security.SystemClientService;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.PatientId;
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
    private final PatientService patients;
    private final SystemClientService systemClients;
    private final Clock clock;

    AuditService(AuditRepository repository, PatientService patients, SystemClientService systemClients,
            Clock clock) {
        this.systemClients = systemClients;
        this.repository = repository;
        this.patients = patients;
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

    /**
     * The audit trail, newest first; for administrators and governance leads only. Lines about patients in the
     * reader's organisation's care are shown in full; lines about other patients keep who, when, what kind of record
     * and which action, but not the patient, the record id or the detail (which can hold a name or an NHS number):
     * an acute trust's administrator or an ICB governance lead must not learn who is cared for elsewhere. A search
     * that found nobody, made from another organisation, keeps its words to itself too.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(CurrentUser user, AuditQuery query) {
        user.require(Permission.VIEW_AUDIT_TRAIL);
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidInputException("from", "The 'from' date must not be after the 'to' date");
        }
        List<AuditRepository.Stored> stored = repository.search(query, clock.getZone());
        Set<PatientId> inCare = patients.inCareOf(user.organisationId(), stored.stream()
                .map(AuditRepository.Stored::patientId).filter(Objects::nonNull).map(PatientId::new)
                .collect(Collectors.toSet()));
        return stored.stream().map(line -> shownTo(user, line, inCare)).toList();
    }

    /** Lines on one page of the audit trail's pages. */
    public static final int PAGE_SIZE = 50;

    /**
     * One page of the audit trail (page 1 is the newest {@link #PAGE_SIZE} lines) with the total count, under the
     * same rules as {@link #search}. A patient may be named by name, NHS number or date of birth instead of an id:
     * only patients in the reader's organisation's care are found, and one found patient filters the trail; several
     * are offered to choose from.
     */
    @Transactional
    public AuditPage page(CurrentUser user, AuditQuery query, String patientText, int page) {
        user.require(Permission.VIEW_AUDIT_TRAIL);
        if (page < 1) {
            throw new InvalidInputException("page", "The page must be 1 or more");
        }
        List<PatientSummary> matches = List.of();
        AuditQuery effective = query;
        if (query.patientId() == null && patientText != null && !patientText.isBlank()) {
            matches = patients.searchForAudit(user, patientText);
            if (matches.size() != 1) {
                return new AuditPage(List.of(), 0, page, PAGE_SIZE, matches, patientText.trim());
            }
            effective = new AuditQuery(query.username(), matches.get(0).id().value(), query.action(), query.from(),
                    query.to(), null);
        }
        List<AuditEntry> entries = search(user, effective, PAGE_SIZE, (long) (page - 1) * PAGE_SIZE);
        long total = repository.count(effective, clock.getZone());
        return new AuditPage(entries, total, page, PAGE_SIZE, matches, patientText == null ? null : patientText.trim());
    }

    private List<AuditEntry> search(CurrentUser user, AuditQuery query, int limit, long offset) {
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidInputException("from", "The 'from' date must not be after the 'to' date");
        }
        List<AuditRepository.Stored> stored = repository.search(query, clock.getZone(), limit, offset);
        Set<PatientId> inCare = patients.inCareOf(user.organisationId(), stored.stream()
                .map(AuditRepository.Stored::patientId).filter(Objects::nonNull).map(PatientId::new)
                .collect(Collectors.toSet()));
        List<AuditEntry> shown = stored.stream().map(line -> shownTo(user, line, inCare)).toList();
        // the system clients the lines were made through, by their registered names as well as their ids
        Set<String> clients = shown.stream().map(AuditEntry::viaSystemClient).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (clients.isEmpty()) {
            return shown;
        }
        Map<String, String> names = systemClients.names(clients);
        return shown.stream()
                .map(e -> e.viaSystemClient() == null ? e : e.withClientName(names.get(e.viaSystemClient()))).toList();
    }

    private static AuditEntry shownTo(CurrentUser user, AuditRepository.Stored line, Set<PatientId> inCare) {
        if (line.patientId() != null) {
            return inCare.contains(new PatientId(line.patientId())) ? line.entry() : line.entry().maskedAsOutsideCare();
        }
        boolean othersSearch = AuditedRecord.PATIENT_SEARCH.storedAs().equals(line.recordType())
                && !user.organisationId().value().equals(line.organisationId());
        return othersSearch ? line.entry().withDetail(AuditEntry.OTHER_ORGANISATIONS_SEARCH) : line.entry();
    }
}
