package org.homeward.task;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * A task as lists and the API show it.
 *
 * @param patientId the patient it is about, or {@code null}
 * @param patientName the patient's name as lists show it (ROBINSON, Sheila) where the list names patients (a
 *     worklist, a patient's tasks); {@code null} otherwise
 * @param assigneeWords who it is for, in words, such as Pharmacists, Dorset Downs Community Health NHS Trust
 * @param overdue still open after its due time (as of when it was read)
 * @param closedBy who completed or cancelled it ("Display name (username)")
 * @param outcome what was done, or why it was cancelled
 * @param escalatedAt when its being overdue was escalated to the coordinators, or {@code null}
 */
public record TaskView(UUID id, PatientId patientId, String patientName, String title, String detail,
        TaskAssignee assignee, String assigneeWords, TaskPriority priority, TaskOrigin origin, String originId,
        Instant dueAt, boolean overdue, TaskStatus status, String createdBy, Instant createdAt, String closedBy,
        Instant closedAt, String outcome, Instant escalatedAt) {

    TaskView withPatientName(String name) {
        return new TaskView(id, patientId, name, title, detail, assignee, assigneeWords, priority, origin, originId,
                dueAt, overdue, status, createdBy, createdAt, closedBy, closedAt, outcome, escalatedAt);
    }

    public boolean open() {
        return status == TaskStatus.OPEN;
    }

    /** Listed without its title, detail or patient: about a patient the reader may no longer see. */
    public boolean withheld() {
        return patientId == null && TaskService.WITHHELD.equals(title);
    }
}
