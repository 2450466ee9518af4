package org.homeward.medication;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Prescriptions, the checks confirmed at prescribing, and screening answers. A stopped prescription is read-only (the
 * database refuses to change it); nothing is deleted.
 */
@Repository
class PrescriptionRepository {

    private static final String SELECT = """
            select p.*, s.note as screening_note, s.screened_by_name, s.screened_at
            from prescription p
            left join lateral (select * from prescription_screening s where s.prescription_id = p.id
                               order by s.screened_at desc limit 1) s on true
            """;

    private final JdbcClient jdbc;

    PrescriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Prescription p, String prescribedByUsername) {
        jdbc.sql("""
                insert into prescription (id, patient_id, formulary_entry_id, formulary_version, medicine, dose,
                    dose_unit, route, frequency, times_of_day, starts_at, ends_at, indication, review_on, antimicrobial,
                    substance_class, weight_kg, dose_per_kg_mg, prescribed_by, prescribed_by_name, prescribed_by_role,
                    prescribed_by_organisation, prescribed_at, replaces, screening, screening_task_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.patientId().value(), p.formularyEntryId(), p.formularyVersion(), p.medicine(),
                        p.dose(), p.doseUnit().name(), p.route().name(), p.frequency().name(),
                        p.times().stream().map(LocalTime::toString).collect(Collectors.joining(" ")),
                        Timestamp.from(p.startsAt()), p.endsAt() == null ? null : Timestamp.from(p.endsAt()),
                        p.indication(), p.reviewOn() == null ? null : Date.valueOf(p.reviewOn()), p.antimicrobial(),
                        p.substanceClass() == null ? null : p.substanceClass().name(), p.weightKg(), p.dosePerKgMg(),
                        prescribedByUsername, p.prescribedBy().name(), p.prescribedBy().role(),
                        p.prescribedBy().organisation(), Timestamp.from(p.prescribedAt()), p.replaces(),
                        p.screening().name(), p.screeningTaskId())
                .update();
        for (Prescribe.Override o : p.overrides()) {
            jdbc.sql("insert into prescription_override (prescription_id, check_name, finding, reason) "
                            + "values (?, ?, ?, ?)")
                    .params(p.id(), o.check().name(), o.finding(), o.reason()).update();
        }
    }

    /** The prescription, its row locked until the transaction ends. */
    Optional<Prescription> lock(UUID id) {
        boolean exists = jdbc.sql("select id from prescription where id = ? for update").param(id).query(UUID.class)
                .optional().isPresent();
        return exists ? find(id) : Optional.empty();
    }

    Optional<Prescription> find(UUID id) {
        return withOverrides(jdbc.sql(SELECT + " where p.id = ?").param(id).query(PrescriptionRepository::row).list())
                .stream().findFirst();
    }

    /** The patient's prescriptions: active ones first by start, then stopped ones newest stopped first. */
    List<Prescription> ofPatient(PatientId patient) {
        return withOverrides(jdbc.sql(SELECT + " where p.patient_id = ? "
                        + "order by p.stopped_at is not null, p.stopped_at desc, p.starts_at, p.medicine, p.id")
                .param(patient.value()).query(PrescriptionRepository::row).list());
    }

    List<Prescription> notStopped(PatientId patient) {
        return withOverrides(jdbc.sql(SELECT + " where p.patient_id = ? and p.stopped_at is null")
                .param(patient.value()).query(PrescriptionRepository::row).list());
    }

    /**
     * The prescriptions with set times still going at {@code from} (not stopped or ended before it), of these patients
     * or, with {@code null}, of every patient: what charted doses come from.
     */
    List<Prescription> withSetTimesGoingAt(Instant from, Collection<PatientId> patients) {
        String sql = SELECT + " where p.times_of_day <> '' and (p.stopped_at is null or p.stopped_at > ?) "
                + "and (p.ends_at is null or p.ends_at > ?)";
        if (patients == null) {
            return jdbc.sql(sql).params(Timestamp.from(from), Timestamp.from(from))
                    .query(PrescriptionRepository::row).list();
        }
        if (patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(sql + " and p.patient_id = any(?)").params(Timestamp.from(from), Timestamp.from(from),
                patients.stream().map(PatientId::value).toArray(UUID[]::new)).query(PrescriptionRepository::row)
                .list();
    }

    /** Locks the patient's prescribing, so two prescriptions written at once both see each other for duplicates. */
    void lockPatient(PatientId patient) {
        jdbc.sql("select id from patient where id = ? for no key update").param(patient.value()).query(UUID.class)
                .list();
    }

    void stop(UUID id, Instant at, String username, String name, String reason, UUID replacedBy) {
        jdbc.sql("update prescription set stopped_at = ?, stopped_by = ?, stopped_by_name = ?, stop_reason = ?, "
                        + "replaced_by = ? where id = ? and stopped_at is null")
                .params(Timestamp.from(at), username, name, reason, replacedBy, id).update();
    }

    void screen(UUID id, ScreeningStatus outcome, String note, RecordedBy by, Instant at) {
        jdbc.sql("""
                insert into prescription_screening (id, prescription_id, outcome, note, screened_by, screened_by_name,
                    screened_by_organisation, screened_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), id, outcome.name(), note, by.username(), by.name(), by.organisation(),
                        Timestamp.from(at))
                .update();
        jdbc.sql("update prescription set screening = ? where id = ?").params(outcome.name(), id).update();
    }

    private List<Prescription> withOverrides(List<Prescription> found) {
        if (found.isEmpty()) {
            return found;
        }
        UUID[] ids = found.stream().map(Prescription::id).toArray(UUID[]::new);
        Map<UUID, List<Prescribe.Override>> overrides = jdbc.sql("select * from prescription_override "
                        + "where prescription_id = any(?) order by check_name")
                .param(ids)
                .query((rs, row) -> Map.entry(rs.getObject("prescription_id", UUID.class), new Prescribe.Override(
                        PrescribingCheck.valueOf(rs.getString("check_name")), rs.getString("reason"),
                        rs.getString("finding"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return found.stream().map(p -> p.withOverrides(overrides.getOrDefault(p.id(), List.of()))).toList();
    }

    private static Prescription row(ResultSet rs, int row) throws SQLException {
        String times = rs.getString("times_of_day");
        List<LocalTime> at = times.isBlank() ? List.of()
                : Arrays.stream(times.split(" ")).map(LocalTime::parse).toList();
        Date review = rs.getDate("review_on");
        String cls = rs.getString("substance_class");
        return new Prescription(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getObject("formulary_entry_id", UUID.class), rs.getInt("formulary_version"),
                rs.getString("medicine"), rs.getBigDecimal("dose"), DoseUnit.valueOf(rs.getString("dose_unit")),
                Route.valueOf(rs.getString("route")), Frequency.valueOf(rs.getString("frequency")), at,
                instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getString("indication"),
                review == null ? null : review.toLocalDate(), rs.getBoolean("antimicrobial"),
                cls == null ? null : SubstanceClass.valueOf(cls), rs.getBigDecimal("weight_kg"),
                rs.getBigDecimal("dose_per_kg_mg"), new RecordedBy(rs.getString("prescribed_by"),
                        rs.getString("prescribed_by_name"), rs.getString("prescribed_by_role"),
                        rs.getString("prescribed_by_organisation")), instant(rs, "prescribed_at"), List.of(),
                ScreeningStatus.valueOf(rs.getString("screening")), rs.getString("screening_note"),
                rs.getString("screened_by_name"), instant(rs, "screened_at"),
                rs.getObject("screening_task_id", UUID.class), instant(rs, "stopped_at"),
                rs.getString("stopped_by_name"), rs.getString("stop_reason"), rs.getObject("replaces", UUID.class),
                rs.getObject("replaced_by", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
