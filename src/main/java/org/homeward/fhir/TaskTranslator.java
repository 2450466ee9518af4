package org.homeward.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskIntent;
import org.hl7.fhir.r4.model.Task.TaskPriority;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.homeward.task.TaskView;

/**
 * Work handed between roles and organisations (a board round's action, a result to acknowledge, a prescription to
 * screen) as UK Core Task, for a partner's system to see what is outstanding for a patient and who holds it.
 *
 * <ul>
 *   <li>Status: to do is {@code requested}, done {@code completed} (what was done as a note), cancelled
 *   {@code cancelled} (the reason as the status reason). An open task past its due time has the business status
 *   'Overdue'.</li>
 *   <li>Priority: Homeward's routine, high (within 4 hours) and urgent (within 1 hour) are FHIR's {@code routine},
 *   {@code urgent} and {@code asap}, in that order of haste; the words are kept in a note.</li>
 *   <li>Who it is for (a person, a role in an organisation, or its team) is the owner, in words, with the
 *   organisation it is set in as the reference ({@code Organization/{id}}); the due time is the end of the
 *   restriction period; where it came from (a board round, a result) is the code's text.</li>
 * </ul>
 */
final class TaskTranslator {

    private TaskTranslator() {
    }

    static Task toFhir(TaskView view) {
        Task task = new Task();
        task.setId(view.id().toString());
        task.getMeta().addProfile(UkCore.profile("Task"));
        task.addIdentifier(new Identifier().setSystem(UkCore.HOMEWARD_ID + "task").setValue(view.id().toString()));
        task.setStatus(switch (view.status()) {
            case OPEN -> TaskStatus.REQUESTED;
            case DONE -> TaskStatus.COMPLETED;
            case CANCELLED -> TaskStatus.CANCELLED;
        });
        if (view.open() && view.overdue()) {
            task.setBusinessStatus(new CodeableConcept().setText("Overdue"));
        }
        task.setIntent(TaskIntent.ORDER);
        task.setPriority(switch (view.priority()) {
            case ROUTINE -> TaskPriority.ROUTINE;
            case HIGH -> TaskPriority.URGENT;
            case URGENT -> TaskPriority.ASAP;
        });
        task.setCode(new CodeableConcept().setText(view.origin().label()));
        task.setDescription(view.detail() == null || view.detail().isBlank() ? view.title()
                : view.title() + ". " + view.detail());
        if (view.patientId() != null) {
            task.setFor(new Reference("Patient/" + view.patientId().value()));
        }
        task.setAuthoredOn(Date.from(view.createdAt()));
        task.setRequester(new Reference().setDisplay(view.createdBy()));
        Reference owner = new Reference().setDisplay(view.assigneeWords());
        if (view.assignee() != null && view.assignee().organisationId() != null) {
            owner.setReference("Organization/" + view.assignee().organisationId().value());
        }
        task.setOwner(owner);
        if (view.dueAt() != null) {
            task.getRestriction().setPeriod(new Period().setEnd(Date.from(view.dueAt())));
        }
        task.addNote().setText("Priority: " + view.priority().label());
        if (view.closedAt() != null) {
            task.setLastModified(Date.from(view.closedAt()));
            if (view.status() == org.homeward.task.TaskStatus.CANCELLED) {
                task.setStatusReason(new CodeableConcept().setText(view.outcome()));
            } else if (view.outcome() != null) {
                task.addNote().setText("Done by " + view.closedBy() + ": " + view.outcome());
            }
        } else {
            task.setLastModified(Date.from(view.createdAt()));
        }
        return task;
    }
}
