package org.homeward.visit;

import java.time.Instant;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.PatientId;

/**
 * What changed in one staff member's own day since the plan version they last read: a visit new to them, one no longer
 * theirs, or one whose time moved. A visit that stayed theirs at the same time is never a change, whatever else the
 * re-plans did to it.
 *
 * @param startBefore when it was theirs before ({@code null} for a visit new to them)
 * @param startAfter when it is theirs now ({@code null} for a visit no longer theirs)
 * @param nowWith who has a visit no longer theirs ({@code null}: nobody, it is no longer planned)
 */
public record MyPlanChange(String visitId, PatientId patientId, InterventionKind kind, Kind change,
        Instant startBefore, Instant startAfter, String nowWith) {

    public enum Kind {
        ADDED("New for you"), REMOVED("No longer yours"), RETIMED("Time changed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An urgent visit: shown with an "Urgent" tag. */
    @com.fasterxml.jackson.annotation.JsonProperty("urgent")
    public boolean urgent() {
        return UrgentVisit.isUrgent(visitId);
    }
}
