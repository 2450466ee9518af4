package org.homeward.medication;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Doses given or not given, and the late-dose check's record of what it has raised. */
@Repository
class AdministrationRepository {

    private static final String SELECT = """
            select a.*, p.medicine as p_medicine, p.dose as p_dose, p.dose_unit as p_unit, p.route as p_route
              from medicine_administration a join prescription p on p.id = a.prescription_id""";

    private final JdbcClient jdbc;

    AdministrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Administration a) {
        jdbc.sql("""
                insert into medicine_administration (id, dose_key, prescription_id, patient_id, due_at, outcome,
                    not_given_reason, note, given_at, dose, dose_unit, route, site, batch, expiry, bag_item_id,
                    bag_label, second_checker, second_checker_name, second_check_how, recorded_by, recorded_by_name,
                    recorded_by_role, recorded_by_organisation, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.doseKey(), a.prescriptionId(), a.patientId().value(), Timestamp.from(a.dueAt()),
                        a.outcome().name(), a.notGivenReason() == null ? null : a.notGivenReason().name(), a.note(),
                        a.givenAt() == null ? null : Timestamp.from(a.givenAt()), a.dose(),
                        a.doseUnit() == null ? null : a.doseUnit().name(), a.route() == null ? null : a.route().name(),
                        a.site(), a.batch(), a.expiry() == null ? null : Date.valueOf(a.expiry()), a.bagItemId(),
                        a.bagLabel(), a.secondChecker(), a.secondCheckerName(),
                        a.secondCheckHow() == null ? null : a.secondCheckHow().name(), a.recordedBy().username(),
                        a.recordedBy().name(), a.recordedBy().role(), a.recordedBy().organisation(), Timestamp.from(a.recordedAt()))
                .update();
    }

    Optional<Administration> find(UUID id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(AdministrationRepository::row).optional();
    }

    /** Every dose recorded for the patient, given or not, by when it was due. */
    List<Administration> ofPatient(PatientId patient) {
        return jdbc.sql(SELECT + " where a.patient_id = ? order by a.due_at, a.dose_key").param(patient.value())
                .query(AdministrationRepository::row).list();
    }

    Optional<Administration> ofDose(String doseKey) {
        return jdbc.sql(SELECT + " where a.dose_key = ?").param(doseKey).query(AdministrationRepository::row)
                .optional();
    }

    /** The doses recorded for these patients due between the two times, by when they were due. */
    List<Administration> ofPatients(Collection<PatientId> patients, Instant from, Instant to) {
        if (patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where a.patient_id = any(?) and a.due_at >= ? and a.due_at < ? "
                        + "order by a.due_at, a.dose_key")
                .params(patients.stream().map(PatientId::value).toArray(UUID[]::new), Timestamp.from(from),
                        Timestamp.from(to))
                .query(AdministrationRepository::row).list();
    }

    /** The patient's doses recorded between the two times, by when they were given or recorded. */
    List<Administration> recordedBetween(PatientId patient, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where a.patient_id = ? and a.recorded_at >= ? and a.recorded_at <= ? "
                        + "order by a.recorded_at")
                .params(patient.value(), Timestamp.from(from), Timestamp.from(to))
                .query(AdministrationRepository::row).list();
    }

    /** Locks the dose, so two nurses recording it at once cannot both record it. */
    void lockDose(String doseKey, PatientId patient, Instant dueAt) {
        jdbc.sql("insert into dose_follow_up (dose_key, patient_id, due_at) values (?, ?, ?) on conflict do nothing")
                .params(doseKey, patient.value(), Timestamp.from(dueAt)).update();
        jdbc.sql("select dose_key from dose_follow_up where dose_key = ? for update").param(doseKey)
                .query(String.class).list();
    }

    /**
     * Marks the dose late (once): answers whether this call marked it, so the task is set once however many nodes
     * run the check.
     */
    boolean markLate(String doseKey, PatientId patient, Instant dueAt, Instant now) {
        jdbc.sql("insert into dose_follow_up (dose_key, patient_id, due_at) values (?, ?, ?) on conflict do nothing")
                .params(doseKey, patient.value(), Timestamp.from(dueAt)).update();
        return jdbc.sql("update dose_follow_up set late_at = ? where dose_key = ? and late_at is null")
                .params(Timestamp.from(now), doseKey).update() == 1;
    }

    /** Marks the dose missed (once): answers whether this call marked it. */
    boolean markMissed(String doseKey, PatientId patient, Instant dueAt, Instant now) {
        jdbc.sql("insert into dose_follow_up (dose_key, patient_id, due_at) values (?, ?, ?) on conflict do nothing")
                .params(doseKey, patient.value(), Timestamp.from(dueAt)).update();
        return jdbc.sql("update dose_follow_up set missed_at = ? where dose_key = ? and missed_at is null")
                .params(Timestamp.from(now), doseKey).update() == 1;
    }

    private static Administration row(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("not_given_reason");
        String unit = rs.getString("dose_unit");
        String route = rs.getString("route");
        Date expiry = rs.getDate("expiry");
        String how = rs.getString("second_check_how");
        Timestamp given = rs.getTimestamp("given_at");
        return new Administration(rs.getObject("id", UUID.class), rs.getString("dose_key"),
                rs.getObject("prescription_id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getString("p_medicine") + " " + rs.getBigDecimal("p_dose").stripTrailingZeros().toPlainString()
                        + " " + DoseUnit.valueOf(rs.getString("p_unit")).label() + " "
                        + Route.valueOf(rs.getString("p_route")).label().toLowerCase(),
                rs.getTimestamp("due_at").toInstant(), AdministrationOutcome.valueOf(rs.getString("outcome")),
                reason == null ? null : NotGivenReason.valueOf(reason), rs.getString("note"),
                given == null ? null : given.toInstant(), rs.getBigDecimal("dose"),
                unit == null ? null : DoseUnit.valueOf(unit), route == null ? null : Route.valueOf(route),
                rs.getString("site"), rs.getString("batch"), expiry == null ? null : expiry.toLocalDate(),
                rs.getObject("bag_item_id", UUID.class), rs.getString("bag_label"), rs.getString("second_checker"),
                rs.getString("second_checker_name"), how == null ? null : SecondCheckHow.valueOf(how),
                new RecordedBy(rs.getString("recorded_by"), rs.getString("recorded_by_name"),
                        rs.getString("recorded_by_role"),
                        rs.getString("recorded_by_organisation")),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
