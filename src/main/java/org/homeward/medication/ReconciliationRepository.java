package org.homeward.medication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reconciliations and their medicines, sources, decisions and resolutions. Medicines, decisions and resolutions are
 * only ever added; a reconciliation row changes only its status (verified, closed, superseded) and its task.
 */
@Repository
class ReconciliationRepository {

    /** A stored reconciliation, before its medicines and rules are added. */
    record Stored(UUID id, PatientId patientId, AdmissionId admissionId, int version, ReconciliationStatus status,
            Instant clockStartedAt, Instant dueAt, ReconciliationChangeReason askedForReason, String askedForDetail,
            String askedForBy, UUID taskId, String taskCreatedBy, Instant createdAt, Instant verifiedAt,
            String verifiedBy, String verifiedByUsername, Instant closedAt, String closedReason) {
    }

    /** What the rules need of one reconciliation. */
    record Contents(List<ReconciliationSourceConsulted> sources, List<MedicineBeforeAdmission> listed,
            Map<String, ReconciliationDecisionMade> decisions, Map<String, ReconciliationResolution> resolutions) {

        static final Contents NONE = new Contents(List.of(), List.of(), Map.of(), Map.of());
    }

    private static final String COLUMNS = """
            id, patient_id, admission_id, version, status, clock_started_at, due_at, asked_for_reason,
            asked_for_detail, asked_for_by, task_id, task_created_by, created_at, verified_at, verified_by,
            verified_by_username, closed_at, closed_reason""";

    private final JdbcClient jdbc;

    ReconciliationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Stored r) {
        jdbc.sql("insert into medicines_reconciliation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.patientId().value(), r.admissionId().value(), r.version(), r.status().name(),
                        ts(r.clockStartedAt()), ts(r.dueAt()), r.askedForReason() == null ? null
                                : r.askedForReason().name(), r.askedForDetail(), r.askedForBy(), r.taskId(),
                        r.taskCreatedBy(), ts(r.createdAt()), ts(r.verifiedAt()), r.verifiedBy(),
                        r.verifiedByUsername(), ts(r.closedAt()), r.closedReason())
                .update();
    }

    Optional<Stored> latestOf(PatientId patient) {
        return jdbc.sql("select " + COLUMNS + " from medicines_reconciliation where patient_id = ? "
                        + "order by created_at desc, version desc limit 1")
                .param(patient.value()).query(ReconciliationRepository::stored).optional();
    }

    /** The patient's latest reconciliation, its row locked until the transaction ends (one change at a time). */
    Optional<Stored> lockLatestOf(PatientId patient) {
        Optional<UUID> id = jdbc.sql("select id from medicines_reconciliation where patient_id = ? "
                        + "order by created_at desc, version desc limit 1 for update")
                .param(patient.value()).query(UUID.class).optional();
        return id.flatMap(this::find);
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from medicines_reconciliation where id = ?").param(id)
                .query(ReconciliationRepository::stored).optional();
    }

    List<Stored> allOf(PatientId patient) {
        return jdbc.sql("select " + COLUMNS + " from medicines_reconciliation where patient_id = ? "
                        + "order by created_at desc, version desc")
                .param(patient.value()).query(ReconciliationRepository::stored).list();
    }

    Optional<Stored> openOfAdmission(AdmissionId admission) {
        return jdbc.sql("select " + COLUMNS + " from medicines_reconciliation where admission_id = ? "
                        + "and status in ('NOT_STARTED', 'IN_PROGRESS') order by version desc limit 1")
                .param(admission.value()).query(ReconciliationRepository::stored).optional();
    }

    int nextVersion(PatientId patient, AdmissionId admission) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from medicines_reconciliation "
                        + "where patient_id = ? and admission_id = ?")
                .params(patient.value(), admission.value()).query(Integer.class).single();
    }

    /** The latest reconciliation of each of these patients who has one: one query, however many patients. */
    List<Stored> latestOf(Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        UUID[] ids = patients.stream().map(PatientId::value).distinct().toArray(UUID[]::new);
        return jdbc.sql("select distinct on (patient_id) " + COLUMNS + " from medicines_reconciliation "
                        + "where patient_id = any(?) order by patient_id, created_at desc, version desc")
                .param(ids).query(ReconciliationRepository::stored).list();
    }

    void setTask(UUID id, UUID taskId, String createdBy) {
        jdbc.sql("update medicines_reconciliation set task_id = ?, task_created_by = ? where id = ?")
                .params(taskId, createdBy, id).update();
    }

    void markInProgress(UUID id) {
        jdbc.sql("update medicines_reconciliation set status = 'IN_PROGRESS' where id = ? and status = 'NOT_STARTED'")
                .param(id).update();
    }

    void verify(UUID id, Instant at, String by, String username) {
        jdbc.sql("update medicines_reconciliation set status = 'VERIFIED', verified_at = ?, verified_by = ?, "
                        + "verified_by_username = ? where id = ?")
                .params(ts(at), by, username, id).update();
    }

    void close(UUID id, ReconciliationStatus status, Instant at, String reason) {
        jdbc.sql("update medicines_reconciliation set status = ?, closed_at = ?, closed_reason = ? where id = ?")
                .params(status.name(), ts(at), reason, id).update();
    }

    /** Records the source as consulted, once (the first recording stands). */
    void insertSource(UUID reconciliation, PatientId patient, ReconciliationSource source, String detail, String by,
            Instant at) {
        jdbc.sql("""
                insert into medicines_reconciliation_source (reconciliation_id, patient_id, source, detail,
                    recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?) on conflict (reconciliation_id, source) do nothing""")
                .params(reconciliation, patient.value(), source.name(), detail, by, ts(at)).update();
    }

    void insertEntry(UUID reconciliation, PatientId patient, MedicineBeforeAdmission m, String username) {
        jdbc.sql("""
                insert into medicines_reconciliation_entry (id, reconciliation_id, patient_id, source, medicine,
                    medicine_key, dose, route, frequency, note, recorded_by, recorded_by_username, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), reconciliation, patient.value(), m.source().name(), m.medicine(), m.medicineKey(),
                        m.dose(), m.route(), m.frequency(), m.note(), m.recordedBy(), username, ts(m.recordedAt()))
                .update();
    }

    void insertDecision(UUID reconciliation, PatientId patient, ReconciliationDecisionMade d, String username) {
        jdbc.sql("""
                insert into medicines_reconciliation_decision (id, reconciliation_id, patient_id, medicine_key,
                    decision, reason, new_dose, new_frequency, decided_by, decided_by_username, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), reconciliation, patient.value(), d.medicineKey(), d.decision().name(),
                        d.reason(), d.newDose(), d.newFrequency(), d.decidedBy(), username, ts(d.decidedAt()))
                .update();
    }

    /** Whether the note was added: false when the discrepancy was already resolved. */
    boolean insertResolution(UUID reconciliation, PatientId patient, ReconciliationResolution r, String username) {
        return jdbc.sql("""
                insert into medicines_reconciliation_resolution (reconciliation_id, patient_id, discrepancy_key, note,
                    resolved_by, resolved_by_username, resolved_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (reconciliation_id, discrepancy_key) do nothing""")
                .params(reconciliation, patient.value(), r.discrepancyKey(), r.note(), r.resolvedBy(), username,
                        ts(r.resolvedAt()))
                .update() == 1;
    }

    /** The contents of each of these reconciliations: four queries, however many. */
    Map<UUID, Contents> contents(Collection<UUID> reconciliations) {
        if (reconciliations.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = reconciliations.stream().distinct().toArray(UUID[]::new);
        Map<UUID, List<ReconciliationSourceConsulted>> sources = new HashMap<>();
        jdbc.sql("select reconciliation_id, source, detail, recorded_by, recorded_at from medicines_reconciliation_source "
                        + "where reconciliation_id = any(?) order by recorded_at, source")
                .param(ids).query((ResultSet rs) -> {
                    sources.computeIfAbsent(rs.getObject("reconciliation_id", UUID.class), k -> new ArrayList<>())
                            .add(new ReconciliationSourceConsulted(ReconciliationSource.valueOf(rs.getString("source")),
                                    rs.getString("detail"), rs.getString("recorded_by"),
                                    rs.getTimestamp("recorded_at").toInstant()));
                });
        Map<UUID, List<MedicineBeforeAdmission>> listed = new HashMap<>();
        jdbc.sql("select * from medicines_reconciliation_entry where reconciliation_id = any(?) order by recorded_at, entered")
                .param(ids).query((ResultSet rs) -> {
                    listed.computeIfAbsent(rs.getObject("reconciliation_id", UUID.class), k -> new ArrayList<>())
                            .add(new MedicineBeforeAdmission(rs.getObject("id", UUID.class),
                                    ReconciliationSource.valueOf(rs.getString("source")), rs.getString("medicine"),
                                    rs.getString("dose"), rs.getString("route"), rs.getString("frequency"),
                                    rs.getString("note"), rs.getString("recorded_by"),
                                    rs.getTimestamp("recorded_at").toInstant()));
                });
        Map<UUID, Map<String, ReconciliationDecisionMade>> decisions = new HashMap<>();
        jdbc.sql("select * from medicines_reconciliation_decision where reconciliation_id = any(?) "
                        + "order by decided_at, id")
                .param(ids).query((ResultSet rs) -> {
                    ReconciliationDecisionMade d = new ReconciliationDecisionMade(rs.getString("medicine_key"),
                            ReconciliationDecision.valueOf(rs.getString("decision")), rs.getString("reason"),
                            rs.getString("new_dose"), rs.getString("new_frequency"), rs.getString("decided_by"),
                            rs.getTimestamp("decided_at").toInstant());
                    // in time order: a later decision on the medicine replaces the earlier one
                    decisions.computeIfAbsent(rs.getObject("reconciliation_id", UUID.class), k -> new HashMap<>())
                            .put(d.medicineKey(), d);
                });
        Map<UUID, Map<String, ReconciliationResolution>> resolutions = new HashMap<>();
        jdbc.sql("select * from medicines_reconciliation_resolution where reconciliation_id = any(?)")
                .param(ids).query((ResultSet rs) -> {
                    ReconciliationResolution r = new ReconciliationResolution(rs.getString("discrepancy_key"),
                            rs.getString("note"), rs.getString("resolved_by"), rs.getTimestamp("resolved_at").toInstant());
                    resolutions.computeIfAbsent(rs.getObject("reconciliation_id", UUID.class), k -> new HashMap<>())
                            .put(r.discrepancyKey(), r);
                });
        Map<UUID, Contents> contents = new LinkedHashMap<>();
        for (UUID id : ids) {
            contents.put(id, new Contents(sources.getOrDefault(id, List.of()), listed.getOrDefault(id, List.of()),
                    decisions.getOrDefault(id, Map.of()), resolutions.getOrDefault(id, Map.of())));
        }
        return contents;
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("asked_for_reason");
        return new Stored(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                new AdmissionId(rs.getObject("admission_id", UUID.class)), rs.getInt("version"),
                ReconciliationStatus.valueOf(rs.getString("status")), instant(rs, "clock_started_at"),
                instant(rs, "due_at"), reason == null ? null : ReconciliationChangeReason.valueOf(reason),
                rs.getString("asked_for_detail"), rs.getString("asked_for_by"), rs.getObject("task_id", UUID.class),
                rs.getString("task_created_by"), instant(rs, "created_at"), instant(rs, "verified_at"),
                rs.getString("verified_by"), rs.getString("verified_by_username"), instant(rs, "closed_at"),
                rs.getString("closed_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
