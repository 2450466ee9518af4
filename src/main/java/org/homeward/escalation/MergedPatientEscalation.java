package org.homeward.escalation;

import org.homeward.shared.PatientsMerged;
import org.homeward.shared.RefusedException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's alerts, concerns and
 * escalation settings to the survivor, in the merge's transaction. One row per patient is kept where the schema
 * allows only one: the survivor's monitoring schedule, quiet hours and NEWS2 override stand and the retired record's
 * are dropped (its override ended, kept as history); both records with an open alert are refused, since closing
 * either silently would hide a deterioration someone must answer.
 */
@Component
class MergedPatientEscalation {

    private final JdbcClient jdbc;

    MergedPatientEscalation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        int bothOpen = jdbc.sql("""
                select count(distinct patient_id) from alert where patient_id in (?, ?) and status <> 'CLOSED'""")
                .params(merged.survivor().value(), merged.retired().value()).query(Integer.class).single();
        if (bothOpen == 2) {
            throw new RefusedException("Both records have an open alert: respond to and close one of them, then send"
                    + " the merge again. Nothing was merged");
        }
        merged.repoint(jdbc, "alert", "patient_concern");
        keepSurvivors("monitoring_schedule", merged);
        keepSurvivors("quiet_hours", merged);
        jdbc.sql("""
                update patient_escalation_override set ended_at = ?, ended_by = ?
                where patient_id = ? and ended_at is null
                  and exists (select 1 from patient_escalation_override s where s.patient_id = ? and s.ended_at is null)""")
                .params(java.sql.Timestamp.from(merged.mergedAt()), merged.by().username(),
                        merged.retired().value(), merged.survivor().value()).update();
        merged.repoint(jdbc, "patient_escalation_override");
    }

    /** A table of one row per patient: the survivor's row stands; the retired one's moves only if it has none. */
    private void keepSurvivors(String table, PatientsMerged merged) {
        jdbc.sql("delete from " + table + " where patient_id = ? and exists (select 1 from " + table
                + " s where s.patient_id = ?)").params(merged.retired().value(), merged.survivor().value()).update();
        merged.repoint(jdbc, table);
    }
}
