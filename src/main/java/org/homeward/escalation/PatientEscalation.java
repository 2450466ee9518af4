package org.homeward.escalation;

import java.util.List;

/**
 * What a patient's record shows about when NEWS2 raises an alert for them.
 *
 * @param effective the threshold in force (the strictest of the patient's override and their ward's policy)
 * @param wardOrDefault the current ward's policy, or the national default when the ward has none or the patient is
 *     not admitted
 * @param activeOverride the patient's active override, or {@code null}
 * @param history every override the patient has had, newest first
 * @param scoredWithNews2 whether the patient is old enough today to be scored with NEWS2 (16 and over); children are
 *     scored with PEWS, which these thresholds do not change
 */
public record PatientEscalation(EscalationPolicy effective, EscalationPolicy wardOrDefault,
        EscalationOverride activeOverride, List<EscalationOverride> history, boolean scoredWithNews2) {

    /** An active override that is not in force because the ward's policy has since become as strict or stricter. */
    public boolean overrideSupersededByWard() {
        return activeOverride != null && !"patient override".equals(effective.source());
    }
}
