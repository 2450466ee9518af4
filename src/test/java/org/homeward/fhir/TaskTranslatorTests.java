package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Task;
import org.homeward.security.Role;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.task.TaskAssignee;
import org.homeward.task.TaskOrigin;
import org.homeward.task.TaskPriority;
import org.homeward.task.TaskStatus;
import org.homeward.task.TaskView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A task as UK Core Task: every status and priority row by row against FHIR R4's task-status and request-priority,
 * overdue as the business status, and who it is for.
 */
class TaskTranslatorTests {

    static final PatientId PATIENT = new PatientId(UUID.randomUUID());
    static final Instant SET = Instant.parse("2026-12-03T09:00:00Z");

    static TaskView task(TaskStatus status, TaskPriority priority, boolean overdue) {
        boolean closed = status != TaskStatus.OPEN;
        return new TaskView(UUID.randomUUID(), PATIENT, "ROBINSON, Sheila", "Reconcile medicines",
                "Before the switch to oral furosemide", null, "Pharmacists, Dorset HealthCare", priority,
                TaskOrigin.BOARD_ROUND, null, SET.plusSeconds(14_400), overdue, status, "Dr Priya Raman (consultant3)",
                SET, closed ? "Aisha Rahman (pharmacist)" : null, closed ? SET.plusSeconds(3600) : null,
                status == TaskStatus.DONE ? "Reconciled; GP told" : status == TaskStatus.CANCELLED ? "Discharged" : null,
                null);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"OPEN, REQUESTED", "DONE, COMPLETED", "CANCELLED, CANCELLED"})
    void eachStatusIsAFhirTaskStatus(TaskStatus status, Task.TaskStatus fhir) {
        assertThat(TaskTranslator.toFhir(task(status, TaskPriority.ROUTINE, false)).getStatus()).isEqualTo(fhir);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"ROUTINE, ROUTINE, Routine", "HIGH, URGENT, High", "URGENT, ASAP, Urgent"})
    void eachPriorityIsAFhirPriorityInTheSameOrderWithTheWordsKept(TaskPriority priority, Task.TaskPriority fhir,
            String words) {
        Task resource = TaskTranslator.toFhir(task(TaskStatus.OPEN, priority, false));

        assertThat(resource.getPriority()).isEqualTo(fhir);
        assertThat(resource.getNote()).extracting(Annotation::getText).contains("Priority: " + words);
    }

    @Test
    void anOpenTaskPastItsDueTimeIsOverdueAndADoneOneSaysWhatWasDone() {
        Task overdue = TaskTranslator.toFhir(task(TaskStatus.OPEN, TaskPriority.HIGH, true));
        assertThat(overdue.getBusinessStatus().getText()).isEqualTo("Overdue");
        assertThat(overdue.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(SET.plusSeconds(14_400));
        assertThat(overdue.getFor().getReference()).isEqualTo("Patient/" + PATIENT.value());
        assertThat(overdue.getOwner().getDisplay()).isEqualTo("Pharmacists, Dorset HealthCare");
        assertThat(overdue.getRequester().getDisplay()).isEqualTo("Dr Priya Raman (consultant3)");
        assertThat(overdue.getCode().getText()).isEqualTo("Board round");
        assertThat(overdue.getDescription()).isEqualTo("Reconcile medicines. Before the switch to oral furosemide");
        assertThat(overdue.getIntent()).isEqualTo(Task.TaskIntent.ORDER);

        Task done = TaskTranslator.toFhir(task(TaskStatus.DONE, TaskPriority.HIGH, true));
        assertThat(done.hasBusinessStatus()).as("done is never overdue").isFalse();
        assertThat(done.getNote()).extracting(Annotation::getText)
                .contains("Done by Aisha Rahman (pharmacist): Reconciled; GP told");
        assertThat(done.getLastModified().toInstant()).isEqualTo(SET.plusSeconds(3600));

        Task cancelled = TaskTranslator.toFhir(task(TaskStatus.CANCELLED, TaskPriority.ROUTINE, false));
        assertThat(cancelled.getStatusReason().getText()).isEqualTo("Discharged");
    }

    @Test
    void theOwnerIsTheOrganisationTheTaskIsSetInWithWhoInWords() {
        assertThat(TaskTranslator.toFhir(task(TaskStatus.OPEN, TaskPriority.ROUTINE, false)).getOwner().hasReference())
                .as("an assignee naming no organisation is in words only").isFalse();
        OrganisationId community = new OrganisationId(UUID.randomUUID());
        TaskView base = task(TaskStatus.OPEN, TaskPriority.ROUTINE, false);
        TaskView forRole = new TaskView(base.id(), base.patientId(), base.patientName(), base.title(), base.detail(),
                TaskAssignee.role(Role.PHARMACIST, community), base.assigneeWords(), base.priority(), base.origin(),
                base.originId(), base.dueAt(), base.overdue(), base.status(), base.createdBy(), base.createdAt(),
                base.closedBy(), base.closedAt(), base.outcome(), base.escalatedAt());
        Task task = TaskTranslator.toFhir(forRole);
        assertThat(task.getOwner().getReference()).isEqualTo("Organization/" + community.value());
        assertThat(task.getOwner().getDisplay()).isEqualTo("Pharmacists, Dorset HealthCare");
    }
}
