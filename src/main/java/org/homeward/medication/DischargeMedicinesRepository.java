package org.homeward.medication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Discharge medicines records (written once, never changed: the database refuses it) and the nominations of a
 * community pharmacy (each a row, the newest standing).
 */
@Repository
class DischargeMedicinesRepository {

    private final JdbcClient jdbc;

    DischargeMedicinesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the record unless the admission has one already; whether it was written. */
    boolean insert(DischargeMedicines r) {
        int written = jdbc.sql("""
                insert into discharge_medicines (id, patient_id, admission_id, admitted_at, discharged_at,
                    discharged_by, recorded_at, gp_practice_code, gp_practice_name, pharmacy_name, pharmacy_ods_code,
                    reconciliation_words)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (admission_id) do nothing""")
                .params(r.id(), r.patientId().value(), r.admissionId().value(), Timestamp.from(r.admittedAt()),
                        Timestamp.from(r.dischargedAt()), r.dischargedBy(), Timestamp.from(r.recordedAt()),
                        r.gpPracticeCode(), r.gpPracticeName(), r.pharmacy() == null ? null : r.pharmacy().name(),
                        r.pharmacy() == null ? null : r.pharmacy().odsCode(), r.reconciliationWords())
                .update();
        if (written == 0) {
            return false;
        }
        int position = 0;
        for (MedicineChange c : r.changes()) {
            jdbc.sql("""
                    insert into discharge_medicine_change (record_id, position, patient_id, section, kind, medicine,
                        before_words, after_words, reason, decided_by, history)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.id(), position++, r.patientId().value(), c.section().name(), c.kind().name(),
                            c.medicine(), c.before(), c.after(), c.reason(), c.by(), String.join("\n", c.history()))
                    .update();
        }
        return true;
    }

    /** The patient's records, newest discharge first. */
    List<DischargeMedicines> ofPatient(PatientId patient) {
        List<DischargeMedicines> heads = jdbc.sql("select * from discharge_medicines where patient_id = ? "
                        + "order by discharged_at desc, id").param(patient.value())
                .query((rs, row) -> head(rs)).list();
        return withChanges(heads);
    }

    Optional<DischargeMedicines> ofAdmission(AdmissionId admission) {
        return withChanges(jdbc.sql("select * from discharge_medicines where admission_id = ?")
                .param(admission.value()).query((rs, row) -> head(rs)).list()).stream().findFirst();
    }

    void nominate(UUID id, PatientId patient, String name, String odsCode, String recordedBy, String username,
            java.time.Instant at) {
        jdbc.sql("""
                insert into community_pharmacy_nomination (id, patient_id, pharmacy_name, ods_code, recorded_by,
                    recorded_by_username, recorded_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, patient.value(), name, odsCode, recordedBy, username, Timestamp.from(at)).update();
    }

    /** The standing nomination; empty when none, or when the newest removed it. */
    Optional<CommunityPharmacy> pharmacy(PatientId patient) {
        return jdbc.sql("select * from community_pharmacy_nomination where patient_id = ? "
                        + "order by recorded_at desc, id limit 1").param(patient.value())
                .query((rs, row) -> rs.getString("pharmacy_name") == null ? null
                        : new CommunityPharmacy(rs.getString("pharmacy_name"), rs.getString("ods_code"),
                                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .optional();
    }

    private List<DischargeMedicines> withChanges(List<DischargeMedicines> heads) {
        if (heads.isEmpty()) {
            return heads;
        }
        Map<UUID, List<MedicineChange>> changes = new HashMap<>();
        jdbc.sql("select * from discharge_medicine_change where record_id = any(?) order by record_id, position")
                .param(heads.stream().map(DischargeMedicines::id).toArray(UUID[]::new))
                .query((ResultSet rs) -> {
                    changes.computeIfAbsent(rs.getObject("record_id", UUID.class), k -> new ArrayList<>())
                            .add(change(rs));
                });
        return heads.stream().map(h -> new DischargeMedicines(h.id(), h.patientId(), h.admissionId(), h.admittedAt(),
                h.dischargedAt(), h.dischargedBy(), h.recordedAt(), h.gpPracticeCode(), h.gpPracticeName(),
                h.pharmacy(), h.reconciliationWords(), changes.getOrDefault(h.id(), List.of()))).toList();
    }

    private static DischargeMedicines head(ResultSet rs) throws SQLException {
        String pharmacy = rs.getString("pharmacy_name");
        return new DischargeMedicines(rs.getObject("id", UUID.class),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                new AdmissionId(rs.getObject("admission_id", UUID.class)),
                rs.getTimestamp("admitted_at").toInstant(), rs.getTimestamp("discharged_at").toInstant(),
                rs.getString("discharged_by"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("gp_practice_code"), rs.getString("gp_practice_name"),
                pharmacy == null ? null : new CommunityPharmacy(pharmacy, rs.getString("pharmacy_ods_code"), null,
                        null),
                rs.getString("reconciliation_words"), List.of());
    }

    private static MedicineChange change(ResultSet rs) throws SQLException {
        return new MedicineChange(MedicineChange.Section.valueOf(rs.getString("section")),
                MedicineChangeKind.valueOf(rs.getString("kind")), rs.getString("medicine"),
                rs.getString("before_words"), rs.getString("after_words"), rs.getString("reason"),
                rs.getString("decided_by"), Arrays.asList(rs.getString("history").split("\n")));
    }
}
