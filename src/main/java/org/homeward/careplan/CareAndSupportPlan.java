package org.homeward.careplan;

import java.time.Instant;
import org.homeward.shared.PatientId;

/**
 * A patient's care and support plan as it stands: both parts, at {@code version} (0 and empty parts when nothing has
 * been recorded), with who made the latest change and when.
 *
 * @param resuscitation the words the banner and the alert board show, {@code null} when nothing is recorded
 */
public record CareAndSupportPlan(PatientId patientId, int version, SupportPlan supportPlan,
        AdvanceCarePlan advanceCarePlan, Instant changedAt, String changedBy, String changedByOrganisation,
        ResuscitationStatus resuscitation) {
}
