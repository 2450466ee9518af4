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
import org.homeward.security.CurrentUser;
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

    /** A work list holds open tasks only. */
    private static final SearchStatus WORK_LIST_STATUS = new SearchStatus(Task.SP_STATUS, "a task on a work list",
            "requested");

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

    /**
     * {@code GET /fhir/Task?owner=Organization/{id}&status=requested}: the caller's organisation's work list as the
     * calling account sees it (the open tasks set for that person, their role in the organisation or the
     * organisation's team), overdue first, then soonest due; each patient listed is audited. Only the caller's own
     * organisation's work list is served, and it holds open tasks only.
     */
    @Search
    public List<Task> workList(@RequiredParam(name = Task.SP_OWNER) ReferenceParam owner,
            @OptionalParam(name = Task.SP_STATUS) TokenParam status) {
        WORK_LIST_STATUS.wanted(status);
        CurrentUser user = users.current();
        String own = user.organisationId().value().toString();
        boolean organisation = owner.getResourceType() == null || "Organization".equals(owner.getResourceType());
        if (!organisation || !own.equals(owner.getIdPart())) {
            throw Outcomes.invalid(Task.SP_OWNER, "only your own organisation's work list is served: owner="
                    + "Organization/" + own + ", not " + owner.getValue());
        }
        return tasks.worklist(user).stream().map(TaskTranslator::toFhir).toList();
    }

    /** {@code POST /fhir/Task/$validate}: the resource checked against UK Core STU2, nothing stored. */
    @Validate
    public MethodOutcome validate(@ResourceParam Task resource) {
        return validation.validate(resource);
    }
}
