package org.homeward.visit;

import java.time.Instant;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.PatientId;

/**
 * One visit in a day plan: who makes it and when, or why it could not be planned.
 *
 * @param assisting the second member of staff on a two-staff visit
 * @param notPlannedWhy {@code null} when planned; otherwise what stopped it (no home location, no one with the skill
 *                      free in time, ...)
 */
public record PlannedVisit(String visitId, String requirementId, PatientId patientId, InterventionKind kind,
        String description, boolean assisting, UUID shiftId, String staffName, Integer routePosition,
        Instant arrivesAt, Instant startsAt, Instant endsAt, Instant windowStart, Instant windowEnd,
        String notPlannedWhy) {

    /** An urgent visit asked for during the day: every list shows it with an "Urgent" tag. */
    @com.fasterxml.jackson.annotation.JsonProperty("urgent")
    public boolean urgent() {
        return UrgentVisit.isUrgent(visitId);
    }

    public boolean planned() {
        return shiftId != null;
    }

    /** Planned, but to start after its window closes: the solver could not fit it in time. */
    public boolean late() {
        return planned() && startsAt.isAfter(windowEnd);
    }
}
