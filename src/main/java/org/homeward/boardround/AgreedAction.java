package org.homeward.boardround;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.homeward.security.Role;
import org.homeward.shared.PatientId;

/** An action agreed at a review; {@code taskId} once the task module has made it a task. */
public record AgreedAction(UUID id, UUID reviewId, UUID roundId, PatientId patientId, String text, Role assignedRole,
        LocalDate dueDate, ActionPriority priority, UUID taskId, String agreedBy, Instant agreedAt) {
}
