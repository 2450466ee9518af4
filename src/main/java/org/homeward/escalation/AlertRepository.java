package org.homeward.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

    private static final String OPEN_ORDER = """
             order by case severity when 'EMERGENCY' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end,
                     respond_by""";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Alert alert) {
        AlertView a = alert.view();
        jdbc.sql("""
                insert into alert (id, patient_id, ward_id, kind, severity, score_name, score_total, partial_set, reason,
                    observed_at, raised_at, respond_by, respond_within_minutes, tier, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.patientId().value(), a.wardId() == null ? null : a.wardId().value(),
                        a.kind().name(), a.severity().name(), a.scoreName(), a.scoreTotal(), a.partialSet(), a.reason(),
                        ts(a.observedAt()), ts(a.raisedAt()), ts(a.respondBy()), a.respondWithinMinutes(),
                        a.tier().name(), a.status().name())
                .update();
    }

    void update(Alert alert) {
        AlertView a = alert.view();
        int updated = jdbc.sql("""
                update alert set kind = ?, severity = ?, score_name = ?, score_total = ?, partial_set = ?, reason = ?,
                    observed_at = ?, respond_by = ?, respond_within_minutes = ?, tier = ?, escalated_at = ?, status = ?, acknowledged_by = ?, acknowledged_at = ?,
                    response_action = ?, response_note = ?, responded_by = ?, responded_at = ?, closed_by = ?,
                    closed_at = ?, version = version + 1
                where id = ? and version = ?""")
                .params(a.kind().name(), a.severity().name(), a.scoreName(), a.scoreTotal(), a.partialSet(),
                        a.reason(), ts(a.observedAt()), ts(a.respondBy()), a.respondWithinMinutes(), a.tier().name(),
                        ts(a.escalatedAt()), a.status().name(), a.acknowledgedBy(),
                        ts(a.acknowledgedAt()), a.responseAction() == null ? null : a.responseAction().name(),
                        a.responseNote(), a.respondedBy(), ts(a.respondedAt()), a.closedBy(), ts(a.closedAt()),
                        a.id(), alert.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("alert " + a.id() + " changed concurrently");
        }
    }

    Optional<Alert> find(UUID id) {
        return jdbc.sql("select * from alert where id = ?").param(id).query(AlertRepository::alert).optional();
    }

    /** Locks the patient's open alert, if any, so concurrent readings raise it one at a time. */
    Optional<Alert> findOpenForUpdate(PatientId patient) {
        return jdbc.sql("select * from alert where patient_id = ? and status <> 'CLOSED' for update")
                .param(patient.value()).query(AlertRepository::alert).optional();
    }

    /** The patient's open alert, if any, as it stands: for what a patient or carer is told to do. */
    Optional<AlertView> findOpen(PatientId patient) {
        return jdbc.sql("select * from alert where patient_id = ? and status <> 'CLOSED'")
                .param(patient.value()).query(AlertRepository::alert).optional().map(Alert::view);
    }

    /** The open alerts of these patients, locked, by patient: one query for a whole scored batch. */
    java.util.Map<PatientId, Alert> findOpenForUpdate(java.util.Collection<PatientId> patients) {
        java.util.Map<PatientId, Alert> open = new java.util.HashMap<>();
        jdbc.sql("select * from alert where patient_id = any(?) and status <> 'CLOSED' order by patient_id for update")
                .param(patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(AlertRepository::alert).list()
                .forEach(alert -> open.put(alert.view().patientId(), alert));
        return open;
    }

    /**
     * Alerts past their deadline with nobody acting: raised and unacknowledged, or acknowledged with no response by
     * the response clock; locked for the caller's transaction.
     */
    List<Alert> overdueUnacknowledged(Instant now) {
        return jdbc.sql("select * from alert where status in ('RAISED', 'ACKNOWLEDGED') and respond_by < ? for update skip locked")
                .param(ts(now)).query(AlertRepository::alert).list();
    }

    /** One alert, locked for the caller's transaction. */
    Optional<Alert> findForUpdate(UUID id) {
        return jdbc.sql("select * from alert where id = ? for update").param(id).query(AlertRepository::alert).optional();
    }

    /** Open alerts with the out-of-hours cover, locked: to hand back at opening time. */
    List<Alert> openWithOutOfHours() {
        return jdbc.sql("select * from alert where status <> 'CLOSED' and tier = 'OUT_OF_HOURS_CONTACT' for update skip locked")
                .query(AlertRepository::alert).list();
    }

    /** These patients' open alerts, on one ward or (null) every ward, in board order. */
    List<AlertView> openOf(WardId ward, java.util.Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        String where = ward == null ? "" : " and ward_id = ?";
        var spec = jdbc.sql("select * from alert where status <> 'CLOSED' and patient_id = any(?)" + where + " "
                + OPEN_ORDER).param(patients.stream().map(PatientId::value).toArray(UUID[]::new));
        if (ward != null) {
            spec = spec.param(ward.value());
        }
        return spec.query(AlertRepository::alert).list().stream().map(Alert::view).toList();
    }

    List<AlertView> open(WardId ward) {
        String where = ward == null ? "" : " and ward_id = ?";
        var spec = jdbc.sql("select * from alert where status <> 'CLOSED'" + where + " " + OPEN_ORDER);
        if (ward != null) {
            spec = spec.param(ward.value());
        }
        return spec.query(AlertRepository::alert).list().stream().map(Alert::view).toList();
    }

    /** Every alert of the patient, open and closed, most recently raised first. */
    List<AlertView> ofPatient(PatientId patient) {
        return jdbc.sql("select * from alert where patient_id = ? order by raised_at desc, id")
                .param(patient.value()).query(AlertRepository::alert).list().stream().map(Alert::view).toList();
    }

    /** These alerts, those of them still open, in board order: what changed on a board. */
    List<AlertView> openAmong(java.util.Collection<UUID> ids) {
        return jdbc.sql("select * from alert where id = any(?) and status <> 'CLOSED' " + OPEN_ORDER)
                .param(ids.toArray(UUID[]::new)).query(AlertRepository::alert).list().stream().map(Alert::view).toList();
    }

    /**
     * Where each open alert is and how severe, on one ward or (null) every ward: enough to count what a filtered board
     * hides, or to order a list by, nothing more.
     */
    record OpenKey(PatientId patientId, WardId wardId, AlertSeverity severity) {
    }

    List<OpenKey> openKeys(WardId ward) {
        String where = ward == null ? "" : " and ward_id = ?";
        var spec = jdbc.sql("select patient_id, ward_id, severity from alert where status <> 'CLOSED'" + where);
        if (ward != null) {
            spec = spec.param(ward.value());
        }
        return spec.query((rs, row) -> {
            UUID on = rs.getObject("ward_id", UUID.class);
            return new OpenKey(new PatientId(rs.getObject("patient_id", UUID.class)), on == null ? null : new WardId(on),
                    AlertSeverity.valueOf(rs.getString("severity")));
        }).list();
    }

    private static final String CLOSED_MATCHING = """
             from alert where status = 'CLOSED' and (cast(? as uuid) is null or ward_id = ?)
               and (cast(? as varchar[]) is null or severity = any(?))""";

    /** The patients with closed alerts under the filter: to find, in one query, those the user may see. */
    List<PatientId> closedPatients(AlertFilter filter) {
        return jdbc.sql("select distinct patient_id " + CLOSED_MATCHING).params(filterParams(filter))
                .query((rs, row) -> new PatientId(rs.getObject("patient_id", UUID.class))).list();
    }

    /** One page of the closed alerts of these patients under the filter, most recently closed first. */
    List<AlertView> closed(AlertFilter filter, java.util.Collection<PatientId> patients, int limit, long offset) {
        java.util.List<Object> params = new java.util.ArrayList<>(filterParams(filter));
        params.add(patients.stream().map(PatientId::value).toArray(UUID[]::new));
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select * " + CLOSED_MATCHING + " and patient_id = any(?) order by closed_at desc, id limit ? offset ?")
                .params(params).query(AlertRepository::alert).list().stream().map(Alert::view).toList();
    }

    long countClosed(AlertFilter filter, java.util.Collection<PatientId> patients) {
        java.util.List<Object> params = new java.util.ArrayList<>(filterParams(filter));
        params.add(patients.stream().map(PatientId::value).toArray(UUID[]::new));
        return jdbc.sql("select count(*) " + CLOSED_MATCHING + " and patient_id = any(?)").params(params)
                .query(Long.class).single();
    }

    private static List<Object> filterParams(AlertFilter filter) {
        UUID ward = filter.ward() == null ? null : filter.ward().value();
        String[] severities = filter.severityNames();
        return java.util.Arrays.asList(ward, ward, severities, severities);
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        UUID ward = rs.getObject("ward_id", UUID.class);
        String action = rs.getString("response_action");
        return new Alert(new AlertView(rs.getObject("id", UUID.class),
                new PatientId(rs.getObject("patient_id", UUID.class)), ward == null ? null : new WardId(ward),
                AlertKind.valueOf(rs.getString("kind")), AlertSeverity.valueOf(rs.getString("severity")),
                rs.getString("score_name"), (Integer) rs.getObject("score_total"), rs.getBoolean("partial_set"),
                rs.getString("reason"), instant(rs, "observed_at"), instant(rs, "raised_at"),
                instant(rs, "respond_by"), rs.getInt("respond_within_minutes"), AlertTier.valueOf(rs.getString("tier")),
                instant(rs, "escalated_at"), AlertStatus.valueOf(rs.getString("status")),
                rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
                action == null ? null : ResponseAction.valueOf(action), rs.getString("response_note"),
                rs.getString("responded_by"), instant(rs, "responded_at"), rs.getString("closed_by"),
                instant(rs, "closed_at")), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
