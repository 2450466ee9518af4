package org.homeward.careplan;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AcuityRepository {

    private final JdbcClient jdbc;

    AcuityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // the tool ------------------------------------------------------------------------------------------------------

    List<AcuityToolRow> rows() {
        return jdbc.sql("select * from acuity_tool_row order by display_order, code").query(AcuityRepository::row).list();
    }

    Optional<AcuityToolRow> row(String code) {
        return jdbc.sql("select * from acuity_tool_row where code = ?").param(code).query(AcuityRepository::row)
                .optional();
    }

    /** The row locked until the transaction ends, so two changes to it cannot both take the same version. */
    Optional<AcuityToolRow> rowForUpdate(String code) {
        return jdbc.sql("select * from acuity_tool_row where code = ? for update").param(code)
                .query(AcuityRepository::row).optional();
    }

    List<AcuityBand> bands() {
        return jdbc.sql("select * from acuity_band order by level").query((rs, n) -> new AcuityBand(rs.getInt("level"),
                rs.getInt("min_score"), rs.getString("label"), rs.getInt("visits_per_day"),
                rs.getInt("capacity_weight"), rs.getString("guidance"))).list();
    }

    void insertRow(AcuityToolRow r, String reason) {
        jdbc.sql("""
                insert into acuity_tool_row (code, row_group, question, weight, floor_level, active, display_order,
                    version, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.code(), r.group().name(), r.question(), r.weight(), r.floorLevel(), r.active(), r.order(),
                        r.version(), r.changedBy(), Timestamp.from(r.changedAt()))
                .update();
        insertVersion(r, reason);
    }

    void updateRow(AcuityToolRow r, String reason) {
        jdbc.sql("""
                update acuity_tool_row set question = ?, weight = ?, floor_level = ?, active = ?, display_order = ?,
                    version = ?, changed_by = ?, changed_at = ?
                where code = ?""")
                .params(r.question(), r.weight(), r.floorLevel(), r.active(), r.order(), r.version(), r.changedBy(),
                        Timestamp.from(r.changedAt()), r.code())
                .update();
        insertVersion(r, reason);
    }

    private void insertVersion(AcuityToolRow r, String reason) {
        jdbc.sql("""
                insert into acuity_tool_row_version (code, version, row_group, question, weight, floor_level, active,
                    display_order, changed_by, changed_at, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.code(), r.version(), r.group().name(), r.question(), r.weight(), r.floorLevel(), r.active(),
                        r.order(), r.changedBy(), Timestamp.from(r.changedAt()), reason)
                .update();
    }

    // assessments -----------------------------------------------------------------------------------------------------

    void insert(AcuityAssessment a) {
        jdbc.sql("""
                insert into acuity_assessment (id, patient_id, assessed_on, assessed_at, assessed_by, assessed_by_name,
                    score, scored_level, level, raised_reason, level_label, visits_per_day, capacity_weight,
                    meets_criteria_to_reside, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.patientId().value(), Date.valueOf(a.assessedOn()), Timestamp.from(a.assessedAt()),
                        a.assessedBy(), a.assessedByName(), a.score(), a.scoredLevel(), a.level(), a.raisedReason(),
                        a.levelLabel(), a.visitsPerDay(), a.capacityWeight(), a.meetsCriteriaToReside(), a.note())
                .update();
        for (AcuityAnswer answer : a.answers()) {
            jdbc.sql("""
                    insert into acuity_assessment_answer (assessment_id, code, row_version, row_group, question, weight,
                        floor_level, display_order, answer)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.id(), answer.code(), answer.rowVersion(), answer.group().name(), answer.question(),
                            answer.weight(), answer.floorLevel(), answer.order(), answer.answer())
                    .update();
        }
    }

    /** The patient's assessments from {@code since} on (all when null), newest first, with their answers. */
    List<AcuityAssessment> ofPatient(PatientId patient, Instant since) {
        List<AcuityAssessment> found = jdbc.sql("""
                select * from acuity_assessment where patient_id = ? and assessed_at >= ?
                order by assessed_at desc, id""")
                .params(patient.value(), Timestamp.from(since == null ? Instant.EPOCH : since))
                .query(AcuityRepository::assessment).list();
        return withAnswers(found);
    }

    /** Each of these patients' latest assessment, with its answers; patients never assessed are left out. */
    Map<PatientId, AcuityAssessment> latest(Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return Map.of();
        }
        List<AcuityAssessment> found = jdbc.sql("""
                select distinct on (patient_id) * from acuity_assessment where patient_id = any(?)
                order by patient_id, assessed_at desc, id""")
                .param(patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(AcuityRepository::assessment).list();
        Map<PatientId, AcuityAssessment> latest = new HashMap<>();
        withAnswers(found).forEach(a -> latest.put(a.patientId(), a));
        return latest;
    }

    /** Each of these patients' latest assessment without answers, with the number of criteria to reside met. */
    Map<PatientId, LatestAcuity> latestForBoard(Collection<PatientId> patients) {
        if (patients.isEmpty()) {
            return Map.of();
        }
        Map<PatientId, LatestAcuity> latest = new HashMap<>();
        jdbc.sql("""
                select latest.*, (select count(*) from acuity_assessment_answer answer
                                   where answer.assessment_id = latest.id and answer.row_group = 'CRITERIA_TO_RESIDE'
                                     and answer.answer) as criteria_met
                from (select distinct on (patient_id) id, patient_id, assessed_on, level, level_label,
                             meets_criteria_to_reside
                      from acuity_assessment where patient_id = any(?)
                      order by patient_id, assessed_at desc, id) latest""")
                .param(patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(rs -> {
                    PatientId patient = new PatientId(rs.getObject("patient_id", UUID.class));
                    latest.put(patient, new LatestAcuity(patient, rs.getDate("assessed_on").toLocalDate(),
                            rs.getInt("level"), rs.getString("level_label"),
                            rs.getBoolean("meets_criteria_to_reside"), rs.getInt("criteria_met")));
                });
        return latest;
    }

    /** The level of each of these patients' latest assessment. */
    Map<PatientId, Integer> latestLevels(Collection<PatientId> patients) {
        Map<PatientId, Integer> levels = new HashMap<>();
        if (patients.isEmpty()) {
            return levels;
        }
        jdbc.sql("""
                select distinct on (patient_id) patient_id, level from acuity_assessment where patient_id = any(?)
                order by patient_id, assessed_at desc, id""")
                .param(patients.stream().map(PatientId::value).toArray(UUID[]::new))
                .query(rs -> {
                    levels.put(new PatientId(rs.getObject("patient_id", UUID.class)), rs.getInt("level"));
                });
        return levels;
    }

    /** Every patient's latest assessment made at or after {@code since}, without answers: for capacity figures. */
    List<AcuityAssessment> latestSince(Instant since) {
        return jdbc.sql("""
                select distinct on (patient_id) * from acuity_assessment where assessed_at >= ?
                order by patient_id, assessed_at desc, id""")
                .param(Timestamp.from(since)).query(AcuityRepository::assessment).list();
    }

    private List<AcuityAssessment> withAnswers(List<AcuityAssessment> assessments) {
        if (assessments.isEmpty()) {
            return assessments;
        }
        Map<UUID, List<AcuityAnswer>> answers = new HashMap<>();
        jdbc.sql("select * from acuity_assessment_answer where assessment_id = any(?) order by display_order, code")
                .param(assessments.stream().map(AcuityAssessment::id).toArray(UUID[]::new))
                .query(rs -> {
                    answers.computeIfAbsent(rs.getObject("assessment_id", UUID.class), id -> new ArrayList<>())
                            .add(new AcuityAnswer(rs.getString("code"), rs.getInt("row_version"),
                                    AcuityGroup.valueOf(rs.getString("row_group")), rs.getString("question"),
                                    rs.getInt("weight"), (Integer) rs.getObject("floor_level"),
                                    rs.getInt("display_order"), rs.getBoolean("answer")));
                });
        return assessments.stream().map(a -> new AcuityAssessment(a.id(), a.patientId(), a.assessedOn(),
                a.assessedAt(), a.assessedBy(), a.assessedByName(), a.score(), a.scoredLevel(), a.level(),
                a.levelLabel(), a.raisedReason(), a.visitsPerDay(), a.capacityWeight(), a.meetsCriteriaToReside(),
                a.note(), answers.getOrDefault(a.id(), List.of()))).toList();
    }

    private static AcuityToolRow row(ResultSet rs, int n) throws SQLException {
        return new AcuityToolRow(rs.getString("code"), AcuityGroup.valueOf(rs.getString("row_group")),
                rs.getString("question"), rs.getInt("weight"), (Integer) rs.getObject("floor_level"),
                rs.getBoolean("active"), rs.getInt("display_order"), rs.getInt("version"), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
    }

    private static AcuityAssessment assessment(ResultSet rs, int n) throws SQLException {
        return new AcuityAssessment(rs.getObject("id", UUID.class),
                new PatientId(rs.getObject("patient_id", UUID.class)), rs.getDate("assessed_on").toLocalDate(),
                rs.getTimestamp("assessed_at").toInstant(), rs.getString("assessed_by"),
                rs.getString("assessed_by_name"), rs.getInt("score"), rs.getInt("scored_level"), rs.getInt("level"),
                rs.getString("level_label"), rs.getString("raised_reason"), rs.getInt("visits_per_day"),
                rs.getInt("capacity_weight"), rs.getBoolean("meets_criteria_to_reside"), rs.getString("note"),
                List.of());
    }

}
