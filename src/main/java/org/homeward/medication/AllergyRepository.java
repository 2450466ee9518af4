package org.homeward.medication;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Allergies (append-only versions), statements of no known allergies, and weights. */
@Repository
class AllergyRepository {

    private static final String CURRENT = """
            select a.id, a.patient_id, a.recorded_at as first_recorded_at, v.*
            from allergy a
            join lateral (select * from allergy_version v where v.allergy_id = a.id
                          order by v.version desc limit 1) v on true
            """;

    private final JdbcClient jdbc;

    AllergyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, PatientId patient, Instant at) {
        jdbc.sql("insert into allergy (id, patient_id, recorded_at) values (?, ?, ?)")
                .params(id, patient.value(), Timestamp.from(at)).update();
    }

    void insertVersion(Allergy a) {
        jdbc.sql("""
                insert into allergy_version (allergy_id, version, substance, formulary_entry_id, substance_class,
                    reaction, severity, certainty, kind, entered_in_error, recorded_by, recorded_by_name,
                    recorded_by_role, recorded_by_organisation, recorded_at, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.version(), a.substance(), a.formularyEntryId(),
                        a.substanceClass() == null ? null : a.substanceClass().name(), a.reaction(),
                        a.severity().name(), a.certainty().name(), a.kind().name(), a.enteredInError(),
                        a.recordedBy().username(), a.recordedBy().name(), a.recordedBy().role(),
                        a.recordedBy().organisation(), Timestamp.from(a.recordedAt()), a.reason())
                .update();
    }

    /** The allergy as it reads now, its row locked so two corrections are numbered one after the other. */
    Optional<Allergy> lock(UUID id) {
        boolean exists = jdbc.sql("select id from allergy where id = ? for share").param(id).query(UUID.class)
                .optional().isPresent();
        return exists ? find(id) : Optional.empty();
    }

    Optional<Allergy> find(UUID id) {
        return jdbc.sql(CURRENT + " where a.id = ?").param(id).query(AllergyRepository::allergy).optional();
    }

    List<Allergy> ofPatient(PatientId patient) {
        return jdbc.sql(CURRENT + " where a.patient_id = ? order by a.recorded_at, a.id").param(patient.value())
                .query(AllergyRepository::allergy).list();
    }

    /** Every version of an allergy, first first. */
    List<Allergy> versions(UUID id) {
        return jdbc.sql("select a.id, a.patient_id, a.recorded_at as first_recorded_at, v.* from allergy a "
                        + "join allergy_version v on v.allergy_id = a.id where a.id = ? order by v.version")
                .param(id).query(AllergyRepository::allergy).list();
    }

    /** Every version of each of the patient's allergies: by allergy as first recorded, each first version first. */
    List<Allergy> versionsOfPatient(PatientId patient) {
        return jdbc.sql("select a.id, a.patient_id, a.recorded_at as first_recorded_at, v.* from allergy a "
                        + "join allergy_version v on v.allergy_id = a.id where a.patient_id = ? "
                        + "order by a.recorded_at, a.id, v.version")
                .param(patient.value()).query(AllergyRepository::allergy).list();
    }

    /** Locks the patient's allergy statements, so recording an allergy and a statement of none do not cross. */
    void lockPatient(PatientId patient) {
        jdbc.sql("select id from patient where id = ? for no key update").param(patient.value()).query(UUID.class).list();
    }

    void insertStatement(UUID id, PatientId patient, RecordedBy by, Instant at) {
        jdbc.sql("""
                insert into allergy_statement (id, patient_id, recorded_by, recorded_by_name, recorded_by_role,
                    recorded_by_organisation, recorded_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patient.value(), by.username(), by.name(), by.role(), by.organisation(),
                        Timestamp.from(at))
                .update();
    }

    Optional<NoKnownAllergies> statementInForce(PatientId patient) {
        return jdbc.sql("select * from allergy_statement where patient_id = ? and superseded_at is null "
                        + "order by recorded_at desc limit 1")
                .param(patient.value()).query(AllergyRepository::statement).optional();
    }

    /** A statement of no known allergies by its id, in force or superseded. */
    Optional<NoKnownAllergies> statement(UUID id) {
        return jdbc.sql("select * from allergy_statement where id = ?").param(id)
                .query(AllergyRepository::statement).optional();
    }

    /** Whose record a statement of no known allergies is on. */
    Optional<PatientId> patientOfStatement(UUID id) {
        return jdbc.sql("select patient_id from allergy_statement where id = ?").param(id)
                .query((rs, row) -> new PatientId(rs.getObject("patient_id", UUID.class))).optional();
    }

    /** Marks the statement in force (if any) as superseded by this allergy. */
    void supersedeStatements(PatientId patient, UUID allergy, Instant at) {
        jdbc.sql("update allergy_statement set superseded_at = ?, superseded_by_allergy = ? "
                        + "where patient_id = ? and superseded_at is null")
                .params(Timestamp.from(at), allergy, patient.value()).update();
    }

    /** Whether the patient has an allergy that is not entered in error. */
    boolean hasAllergyInForce(PatientId patient) {
        return !jdbc.sql(CURRENT + " where a.patient_id = ? and not v.entered_in_error limit 1")
                .param(patient.value()).query(AllergyRepository::allergy).list().isEmpty();
    }

    void insertWeight(UUID id, PatientId patient, BigDecimal kg, java.time.LocalDate measuredOn, RecordedBy by,
            Instant at) {
        jdbc.sql("""
                insert into patient_weight (id, patient_id, weight_kg, measured_on, recorded_by, recorded_by_name,
                    recorded_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patient.value(), kg, Date.valueOf(measuredOn), by.username(), by.name(),
                        Timestamp.from(at))
                .update();
    }

    List<Weight> weights(PatientId patient) {
        return jdbc.sql("select * from patient_weight where patient_id = ? order by measured_on desc, "
                        + "recorded_at desc")
                .param(patient.value())
                .query((rs, row) -> new Weight(rs.getObject("id", UUID.class), rs.getBigDecimal("weight_kg"),
                        rs.getDate("measured_on").toLocalDate(), rs.getString("recorded_by_name"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private static NoKnownAllergies statement(ResultSet rs, int row) throws SQLException {
        Timestamp superseded = rs.getTimestamp("superseded_at");
        return new NoKnownAllergies(rs.getObject("id", UUID.class), new RecordedBy(rs.getString("recorded_by"),
                rs.getString("recorded_by_name"), rs.getString("recorded_by_role"),
                rs.getString("recorded_by_organisation")), rs.getTimestamp("recorded_at").toInstant(),
                superseded == null ? null : superseded.toInstant());
    }

    private static Allergy allergy(ResultSet rs, int row) throws SQLException {
        String cls = rs.getString("substance_class");
        return new Allergy(rs.getObject("id", UUID.class), new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getInt("version"), rs.getString("substance"), rs.getObject("formulary_entry_id", UUID.class),
                cls == null ? null : SubstanceClass.valueOf(cls), rs.getString("reaction"),
                AllergySeverity.valueOf(rs.getString("severity")), AllergyCertainty.valueOf(rs.getString("certainty")),
                ReactionKind.valueOf(rs.getString("kind")), rs.getBoolean("entered_in_error"),
                new RecordedBy(rs.getString("recorded_by"), rs.getString("recorded_by_name"),
                        rs.getString("recorded_by_role"), rs.getString("recorded_by_organisation")),
                rs.getTimestamp("recorded_at").toInstant(), rs.getTimestamp("first_recorded_at").toInstant(),
                rs.getString("reason"));
    }
}
