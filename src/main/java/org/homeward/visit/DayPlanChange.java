package org.homeward.visit;

import java.time.Instant;
import java.util.UUID;
import org.homeward.careplan.InterventionKind;
import org.homeward.shared.PatientId;

/**
 * What one re-plan changed for one visit: added to the plan, moved from one staff member to another, retimed, or no
 * longer planned. Kept with the plan version that made it, so staff can be shown what is new for them.
 *
 * @param shiftBefore {@code null} for a visit new to the plan
 * @param shiftAfter {@code null} for a visit no longer planned
 */
public record DayPlanChange(String visitId, PatientId patientId, InterventionKind kind, Kind change,
        UUID shiftBefore, UUID shiftAfter, String staffBefore, String staffAfter, Instant startBefore,
        Instant startAfter) {

    public enum Kind {
        ADDED("New"), REASSIGNED("Moved"), RETIMED("Retimed"), UNPLACED("No longer planned");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A change to an urgent visit: shown with an "Urgent" tag. */
    @com.fasterxml.jackson.annotation.JsonProperty("urgent")
    public boolean urgent() {
        return UrgentVisit.isUrgent(visitId);
    }

    /** Whether the staff member on this shift needs to hear of it: the visit was theirs, or it is now. */
    public boolean concerns(UUID shiftId) {
        return shiftId.equals(shiftBefore) || shiftId.equals(shiftAfter);
    }
}
