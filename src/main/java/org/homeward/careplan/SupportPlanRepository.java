package org.homeward.careplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of patients' care and support plans: the newest is the plan, every one is its history. */
@Repository
class SupportPlanRepository {

    /** The newest version of a patient's plan. */
    record Current(PatientId patientId, int version, SupportPlan supportPlan, AdvanceCarePlan advanceCarePlan,
            Instant changedAt, String changedByName, String organisationName) {
    }

    private static final TypeReference<List<CarePlanVersion.Change>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SupportPlanRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Current> current(PatientId patient) {
        return jdbc.sql("""
                select * from care_support_plan_version where patient_id = ? order by version desc limit 1""")
                .param(patient.value()).query(this::row).optional();
    }

    /** The newest version of each of these patients' plans; a patient with none is left out. */
    Map<PatientId, Current> current(Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = patients.stream().map(PatientId::value).distinct().toArray(UUID[]::new);
        Map<PatientId, Current> plans = new HashMap<>();
        jdbc.sql("""
                select distinct on (patient_id) * from care_support_plan_version where patient_id = any (?)
                order by patient_id, version desc""")
                .param(ids).query(this::row).list().forEach(c -> plans.put(c.patientId(), c));
        return plans;
    }

    /**
     * Stores {@code version}; refuses (409) if another change took that version first, so the later of two changes
     * made from the same version is never written over the earlier.
     */
    void insert(PatientId patient, int version, SupportPlan support, AdvanceCarePlan advance, PlanSection section,
            List<CarePlanVersion.Change> changes, Instant at, String username, String displayName,
            String organisationName) {
        try {
            jdbc.sql("""
                    insert into care_support_plan_version (patient_id, version, support_plan, advance_care_plan, section,
                        changes, changed_at, changed_by, changed_by_name, organisation_name)
                    values (?, ?, cast(? as jsonb), cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?, ?)""")
                    .params(patient.value(), version, write(support), write(advance), section.name(), write(changes),
                            Timestamp.from(at), username, displayName, organisationName)
                    .update();
        } catch (DuplicateKeyException e) {
            throw SupportPlanService.changedMeanwhile();
        }
    }

    /** Every change, newest first. */
    List<CarePlanVersion> history(PatientId patient) {
        return jdbc.sql("""
                select version, section, changes, changed_at, changed_by, changed_by_name, organisation_name
                from care_support_plan_version where patient_id = ? order by version desc""")
                .param(patient.value()).query((rs, row) -> new CarePlanVersion(rs.getInt("version"),
                        PlanSection.valueOf(rs.getString("section")), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"), rs.getString("changed_by_name"), rs.getString("organisation_name"),
                        read(rs.getString("changes"), CHANGES)))
                .list();
    }

    private Current row(ResultSet rs, int row) throws SQLException {
        return new Current(new PatientId(rs.getObject("patient_id", UUID.class)), rs.getInt("version"),
                read(rs.getString("support_plan"), new TypeReference<SupportPlan>() {
                }), read(rs.getString("advance_care_plan"), new TypeReference<AdvanceCarePlan>() {
                }), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by_name"),
                rs.getString("organisation_name"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the care plan", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored care plan", e);
        }
    }
}
