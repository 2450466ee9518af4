package org.homeward.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.homeward.shared.PatientId;
import org.homeward.task.TaskService;
import org.springframework.stereotype.Component;

/**
 * Task: the work about a patient handed between roles, read by anyone in the patient's care team through the task
 * module's {@link TaskService}, with its rules and audit (a task about no patient, by its own rule).
 */
@Component
class TaskProvider implements FhirResourceProvider {

    private static final SearchStatus STATUS = new SearchStatus(Task.SP_STATUS, "a task Homeward holds",
            "requested", "completed", "cancelled");

    private final TaskService tasks;
    private final FhirUsers users;
    private final Validation validation;

    TaskProvider(TaskService tasks, FhirUsers users, Validation validation) {
        this.tasks = tasks;
        this.users = users;
        this.validation = validation;
    }

    @Override
    public Class<Task> getResourceType() {
        return Task.class;
    }

    @Read
    public Task read(@IdParam IdType id) {
        return TaskTranslator.toFhir(tasks.task(users.current(), FhirIds.uuid(id, "Task")));
    }

    /** The patient's tasks: open ones first (soonest due first), then done and cancelled. */
    @Search
    public List<Task> search(@RequiredParam(name = Task.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Task.SP_STATUS) TokenParam status) {
        String wanted = STATUS.wanted(status);
        PatientId id = FhirIds.patient(patient);
        return tasks.tasksOf(users.current(), id).stream().map(TaskTranslator::toFhir)
                .filter(t -> SearchStatus.matches(wanted, t.getStatus().toCode())).toList();
    }

    /** {@code POST /fhir/Task/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam Task resource) {
        return validation.validate(resource);
    }
}
