package org.homeward.boardround;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.homeward.security.Role;

/**
 * One patient's review at the round.
 *
 * @param waitingFor on a red day, what the patient is waiting for (a result, a review, equipment, a package of care)
 * @param revisedEstimatedDischargeDate the new date, with the decision {@link Decision#REVISE_EDD} only
 * @param note the discussion in brief; also the reason for a revised estimated discharge date
 * @param actions what was agreed, each for a role, by a date, with a priority; a red day needs at least one
 */
public record RecordReview(UUID patientId, DayColour dayColour, String waitingFor, Decision decision,
        LocalDate revisedEstimatedDischargeDate, String note, List<AgreeAction> actions) {

    public record AgreeAction(String text, Role assignedRole, LocalDate dueDate, ActionPriority priority) {
    }
}
