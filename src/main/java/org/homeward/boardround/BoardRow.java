package org.homeward.boardround;

import java.time.Instant;
import java.time.LocalDate;
import org.homeward.escalation.AlertSeverity;
import org.homeward.shared.AdmissionId;
import org.homeward.shared.PatientId;
import org.homeward.shared.WardId;

/**
 * One patient on the board.
 *
 * @param dayOfStay the admission day is day 1
 * @param estimatedDischargeDay the day of stay the estimated discharge date falls on: "Day 3 of 5"
 * @param daysOverEstimatedDischarge above 0 when the patient is past their estimated discharge date
 * @param today the newest review of today, null when the patient has not been reviewed today
 * @param scoreName NEWS2 or PEWS; null when no set has been scored since the board began keeping scores
 * @param scoreTrend the latest score against the previous one; null with no previous score
 * @param alertSeverity the open alert's severity; null with none open
 * @param alertSummary the open alert in words ("NEWS2 7", "Missed reading"); null with none open
 */
public record BoardRow(PatientId patientId, String name, int ageYears, WardId wardId, String wardName,
        AdmissionId admissionId, LocalDate estimatedDischargeDate, int dayOfStay, int estimatedDischargeDay,
        int daysOverEstimatedDischarge, Review today, String scoreName, Integer scoreTotal, ScoreTrend scoreTrend,
        AlertSeverity alertSeverity, String alertSummary, Instant lastVisitAt, Instant nextVisitAt,
        String nextVisitWhat, PatientFacts facts) implements BoardOrder.Ranked {

    /** The acuity tool's rank, which orders the board ({@link BoardOrder}); null when not assessed. */
    @Override
    public Integer acuityRank() {
        return facts.acuityRank();
    }

    /** The day of stay against the estimated discharge, as the board shows it: Day 3 of 5. */
    public String dayOfStayText() {
        return "Day " + dayOfStay + " of " + estimatedDischargeDay;
    }

    public boolean overEstimatedDischarge() {
        return daysOverEstimatedDischarge > 0;
    }

    public boolean reviewedToday() {
        return today != null;
    }

    /** The round decided a discharge today, which someone still has to carry out on the admission's page. */
    public boolean dischargeDecided() {
        return today != null && today.decision().decidesDischarge();
    }
}
