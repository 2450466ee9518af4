package org.homeward.boardround;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;

/**
 * An action agreed at a board round review, to be done by someone of {@code assignedRole} by {@code dueDate}. Published
 * inside the transaction that stores it, so a listener that writes (the task module creating the task, then recording
 * its id with {@link BoardRoundService#linkTask}) commits or rolls back with the review.
 *
 * @param roundDate the day the round was held
 * @param writtenUpLater the round was held on paper and written up afterwards: the action was agreed on
 *        {@code roundDate}, and its due date may already have passed
 */
public record BoardRoundActionAgreed(UUID actionId, UUID roundId, UUID reviewId, PatientId patientId, String text,
        Role assignedRole, LocalDate dueDate, ActionPriority priority, String agreedBy, Instant agreedAt,
        LocalDate roundDate, boolean writtenUpLater) {
}
