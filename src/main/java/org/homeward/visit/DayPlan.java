package org.homeward.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.shared.OrganisationId;

/**
 * A version of a day's visit plan for one organisation's visiting team: every visit due, with who makes it and when, and the travel model and score it was
 * made with. {@code feasible} is the independent route evaluator's verdict: every visit placed, every hard rule kept.
 */
public record DayPlan(UUID id, OrganisationId organisationId, LocalDate date, int version, String madeBy, Instant madeAt, String reason,
        String travelModel, String score, boolean feasible, int solveMillis, List<PlannedVisit> visits) {

    public List<PlannedVisit> unplanned() {
        return visits.stream().filter(v -> !v.planned()).toList();
    }

    /** Visits given to someone but starting after their window closes: planned late, for the coordinator to act on. */
    public List<PlannedVisit> plannedLate() {
        return visits.stream().filter(PlannedVisit::late).toList();
    }
}
