package org.homeward.referral;

import org.homeward.shared.PatientsMerged;
import org.homeward.shared.RefusedException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merge of duplicate patient records ({@link PatientsMerged}) moves the retired record's referrals and virtual-ward
 * stays to the survivor, in the merge's transaction. Refused (and so nothing is merged) when both records are live at
 * once, an open stay or a pending referral on each: merging two live admissions silently would put two wards' plans,
 * observations and alerts on one person without anyone deciding which stands (hazard H328). A person discharges,
 * cancels or declines one first, and the hospital sends the merge again.
 */
@Component
class MergedPatientReferrals {

    private final JdbcClient jdbc;

    MergedPatientReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PatientsMerged merged) {
        boolean survivorLive = live(merged.survivor().value());
        boolean retiredLive = live(merged.retired().value());
        if (survivorLive && retiredLive) {
            throw new RefusedException("Both records are live at once: " + what(merged.survivor().value())
                    + " on the surviving record and " + what(merged.retired().value()) + " on the retired one."
                    + " Merging two live admissions or referrals is not done automatically: discharge, decline or"
                    + " cancel one of them, then send the merge again. Nothing was merged");
        }
        merged.repoint(jdbc, "referral", "admission");
    }

    private boolean live(java.util.UUID patient) {
        return jdbc.sql("""
                select exists (select 1 from admission where patient_id = ? and discharged_at is null)
                    or exists (select 1 from referral where patient_id = ? and status in ('AWAITING_TRIAGE', 'ACCEPTED'))""")
                .params(patient, patient).query(Boolean.class).single();
    }

    private String what(java.util.UUID patient) {
        boolean admitted = jdbc.sql("select exists (select 1 from admission where patient_id = ? and discharged_at is null)")
                .param(patient).query(Boolean.class).single();
        return admitted ? "an open virtual-ward stay" : "a pending referral (awaiting triage or accepted)";
    }
}
