package org.homeward.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EscalationPolicyRepository {

    private final JdbcClient jdbc;

    EscalationPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sets the ward's threshold only if it is lower than the one stored, in one statement, so two seniors tightening
     * at once can never leave the ward looser than either of them set it.
     *
     * @return false when the stored threshold was already as low or lower (nothing was written)
     */
    boolean tightenWardPolicy(WardId ward, int threshold, String reason, String by, Instant at) {
        return jdbc.sql("""
                insert into ward_escalation_policy (ward_id, news2_alert_from_total, reason, set_by, set_at)
                values (?, ?, ?, ?, ?)
                on conflict (ward_id) do update set news2_alert_from_total = excluded.news2_alert_from_total,
                    reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at
                where ward_escalation_policy.news2_alert_from_total > excluded.news2_alert_from_total""")
                .params(ward.value(), threshold, reason, by, Timestamp.from(at)).update() == 1;
    }

    /** Serialises changes to one patient's override until the transaction ends (an override row may not exist yet). */
    void lockOverrides(PatientId patient) {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(patient.value().getMostSignificantBits() ^ patient.value().getLeastSignificantBits())
                .query((rs, row) -> 1).single();
    }

    Optional<EscalationPolicy> wardPolicy(WardId ward) {
        return jdbc.sql("select * from ward_escalation_policy where ward_id = ?").param(ward.value())
                .query((rs, row) -> new EscalationPolicy(rs.getInt("news2_alert_from_total"), "ward policy",
                        rs.getString("reason"), rs.getString("set_by"), rs.getTimestamp("set_at").toInstant()))
                .optional();
    }

    Optional<EscalationPolicy> activeOverride(PatientId patient) {
        return jdbc.sql("select * from patient_escalation_override where patient_id = ? and ended_at is null")
                .param(patient.value())
                .query((rs, row) -> new EscalationPolicy(rs.getInt("news2_alert_from_total"), "patient override",
                        rs.getString("reason"), rs.getString("set_by"), rs.getTimestamp("set_at").toInstant()))
                .optional();
    }

    /** The NEWS2 thresholds that bear on some patients: their own overrides in force, and their wards' policies. */
    record Thresholds(java.util.Map<PatientId, Integer> overrides, java.util.Map<WardId, Integer> wards) {
    }

    /**
     * The patients' overrides in force and the wards' policies, read in one statement (the observation ingest's
     * writer asks once a group, so one round trip rather than two).
     */
    Thresholds thresholds(java.util.Collection<PatientId> patients, java.util.Collection<WardId> wards) {
        java.util.Map<PatientId, Integer> overrides = new java.util.HashMap<>();
        java.util.Map<WardId, Integer> policies = new java.util.HashMap<>();
        jdbc.sql("""
                select 'PATIENT' as kind, patient_id as id, news2_alert_from_total from patient_escalation_override
                where patient_id = any(?) and ended_at is null
                union all
                select 'WARD', ward_id, news2_alert_from_total from ward_escalation_policy where ward_id = any(?)""")
                .params(patients.stream().map(PatientId::value).distinct().toArray(UUID[]::new),
                        wards.stream().map(WardId::value).distinct().toArray(UUID[]::new))
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    int total = rs.getInt("news2_alert_from_total");
                    if (rs.getString("kind").equals("PATIENT")) {
                        overrides.put(new PatientId(id), total);
                    } else {
                        policies.put(new WardId(id), total);
                    }
                });
        return new Thresholds(overrides, policies);
    }

    void endOverride(PatientId patient, String by, Instant at) {
        jdbc.sql("update patient_escalation_override set ended_by = ?, ended_at = ? where patient_id = ? and ended_at is null")
                .params(by, Timestamp.from(at), patient.value()).update();
    }

    void addOverride(PatientId patient, int threshold, String reason, String by, Instant at) {
        jdbc.sql("""
                insert into patient_escalation_override (id, patient_id, news2_alert_from_total, reason, set_by, set_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), patient.value(), threshold, reason, by, Timestamp.from(at)).update();
    }

    /** Every override the patient has had, newest first: the trail of who tightened what, why, and who ended it. */
    List<EscalationOverride> overrideHistory(PatientId patient) {
        return jdbc.sql("select * from patient_escalation_override where patient_id = ? order by set_at desc, ended_at desc nulls first")
                .param(patient.value())
                .query((rs, row) -> new EscalationOverride(rs.getInt("news2_alert_from_total"), rs.getString("reason"),
                        rs.getString("set_by"), rs.getTimestamp("set_at").toInstant(), rs.getString("ended_by"),
                        rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant()))
                .list();
    }
}
