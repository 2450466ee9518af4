package org.homeward.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;

/**
 * A visit that must happen on a day: what, for whom, how long, which skill, how many staff, and the window in which it
 * must start. The routing model plans these.
 *
 * @param id stable for the same intervention, day and time, so a re-plan recognises the same visit
 * @param follows the requirement this one must follow, with {@code minGap} and {@code maxGap} between their starts;
 *                {@code null} for a visit that follows nothing
 */
public record VisitRequirement(String id, UUID interventionId, PatientId patientId, InterventionKind kind,
        String description, Duration duration, Skill skill, int staffNeeded, Instant earliestStart,
        Instant latestStart, boolean urgent, String follows, Duration minGap, Duration maxGap) {
}
