package org.homeward.task;

import java.time.Instant;
import org.homeward.shared.PatientId;

/**
 * A task to set.
 *
 * @param patientId the patient it is about, or {@code null} (not every task is about one patient)
 * @param title what to do, in a line (up to 200 characters)
 * @param detail more about it, or {@code null} (up to 2,000 characters)
 * @param assignee a person, a role within an organisation, or a team
 * @param dueAt when it must be done by, or {@code null} for the priority's default ({@link TaskPriority})
 * @param priority urgent, high or routine
 * @param origin where it came from; {@code null} is by hand
 * @param originId what it came from (the alert's id, the board-round decision's id), or {@code null} when by hand
 */
public record NewTask(PatientId patientId, String title, String detail, TaskAssignee assignee, Instant dueAt,
        TaskPriority priority, TaskOrigin origin, String originId) {
}
