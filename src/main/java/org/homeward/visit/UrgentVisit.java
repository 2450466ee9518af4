package org.homeward.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;

/** An urgent visit asked for during the day: one visit, on {@code date}, to start between the two instants. */
public record UrgentVisit(UUID id, PatientId patientId, LocalDate date, InterventionKind kind, String description,
        Duration duration, Skill skill, Instant earliestStart, Instant latestStart, String reason, UUID alertId,
        String requestedBy, Instant requestedAt) {

    static final String ID_PREFIX = "urgent/";

    /** Whether a visit id is that of an urgent visit (its id carries {@link #ID_PREFIX}). */
    static boolean isUrgent(String visitId) {
        return visitId.startsWith(ID_PREFIX);
    }

    /** The requirement the day plan routes: marked urgent, so the solver puts it as early as it can. */
    VisitRequirement requirement() {
        return new VisitRequirement(visitId(), null, patientId, kind,
                description == null ? "Urgent: " + reason : description + " (urgent: " + reason + ")", duration, skill,
                1, earliestStart, latestStart, true, null, null, null);
    }

    /** The id of its visit in a day plan. */
    public String visitId() {
        return ID_PREFIX + id;
    }
}
