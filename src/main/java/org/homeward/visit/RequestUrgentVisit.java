package org.homeward.visit;

import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;

/**
 * An urgent home visit to add to today's plan. The visit may start from now until {@code withinMinutes} from now
 * (default 120); kind defaults to a clinical review, duration and skill to the kind's usual ones.
 *
 * @param reason why the visit is needed, shown to whoever makes it
 * @param alertId the alert that called for it, when there is one
 */
public record RequestUrgentVisit(PatientId patientId, InterventionKind kind, String description,
        Integer durationMinutes, Skill skill, Integer withinMinutes, String reason, UUID alertId) {
}
