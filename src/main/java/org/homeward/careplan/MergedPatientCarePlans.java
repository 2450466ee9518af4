package org.homeward.careplan;

import org.homeward.shared.PatientsMerged;
import org.homeward.shared.RefusedException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's interventions, acuity
 * assessments and care and support plan to the survivor, in the merge's transaction. The plan is one versioned
 * document per patient: when both records have one, which plan stands is a clinical decision, so the merge is refused
 * (nothing is merged) until a person has brought what matters into one and the hospital sends the merge again.
 */
@Component
class MergedPatientCarePlans {

    private final JdbcClient jdbc;

    MergedPatientCarePlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        int plans = jdbc.sql("select count(distinct patient_id) from care_support_plan_version where patient_id in (?, ?)")
                .params(merged.survivor().value(), merged.retired().value()).query(Integer.class).single();
        if (plans == 2) {
            throw new RefusedException("Both records have a care and support plan: which one stands is a clinical"
                    + " decision; bring them into one on the surviving record, then send the merge again. Nothing was"
                    + " merged");
        }
        merged.repoint(jdbc, "care_intervention", "acuity_assessment", "care_support_plan_version");
    }
}
