package org.homeward.task.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.homeward.security.CurrentUser;
import org.homeward.shared.PatientId;
import org.homeward.task.NewTask;
import org.homeward.task.TaskAssignee;
import org.homeward.task.TaskService;
import org.homeward.task.TaskView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tasks handed between people, roles and teams, and each person's worklist. */
@RestController
@Tag(name = "Tasks", description = "Tasks for a person, a role within an organisation or a team; worklists; completion")
class TaskApiController {

    /** What was done. */
    record Completion(String outcome) {
    }

    /** Why the task is no longer needed. */
    record Cancellation(String reason) {
    }

    /** Who the task is for now, and why. */
    record Reassignment(TaskAssignee assignee, String reason) {
    }

    private final TaskService tasks;

    TaskApiController(TaskService tasks) {
        this.tasks = tasks;
    }

    @PostMapping("/api/v1/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set a task for a person ({\"username\"}), a role within an organisation ({\"role\", "
            + "\"organisationId\"}) or a team ({\"organisationId\"}); a patient's task only for an organisation in the "
            + "patient's care team; with no dueAt, urgent is due in 1 hour, high in 4 hours, routine by 23:59 today")
    TaskView create(CurrentUser user, @RequestBody NewTask task) {
        return tasks.create(user, task);
    }

    @GetMapping("/api/v1/tasks/mine")
    @Operation(summary = "My worklist: open tasks for me, for my role in my organisation and for my organisation's "
            + "team; overdue first, then by due time")
    List<TaskView> mine(CurrentUser user) {
        return tasks.worklist(user);
    }

    @GetMapping("/api/v1/tasks/overdue")
    @Operation(summary = "For a coordinator: every open task in their organisation past its due time, with when it "
            + "was escalated")
    List<TaskView> overdue(CurrentUser user) {
        return tasks.overdueInMyOrganisation(user);
    }

    @GetMapping("/api/v1/tasks/{id}")
    @Operation(summary = "One task")
    TaskView task(CurrentUser user, @PathVariable UUID id) {
        return tasks.task(user, id);
    }

    @GetMapping("/api/v1/patients/{id}/tasks")
    @Operation(summary = "Every task about the patient: open ones first, then done and cancelled")
    List<TaskView> ofPatient(CurrentUser user, @PathVariable PatientId id) {
        return tasks.tasksOf(user, id);
    }

    @PostMapping("/api/v1/tasks/{id}/completion")
    @Operation(summary = "Record the task as done, with what was done: by the person it is for, someone in its role "
            + "or team, or a coordinator or senior decision-maker of that organisation; a second completion is refused "
            + "(409)")
    TaskView complete(CurrentUser user, @PathVariable UUID id, @RequestBody Completion completion) {
        return tasks.complete(user, id, completion.outcome());
    }

    @PostMapping("/api/v1/tasks/{id}/cancellation")
    @Operation(summary = "Cancel an open task with a reason: its creator, or whoever may complete it")
    TaskView cancel(CurrentUser user, @PathVariable UUID id, @RequestBody Cancellation cancellation) {
        return tasks.cancel(user, id, cancellation.reason());
    }

    @PostMapping("/api/v1/tasks/{id}/reassignment")
    @Operation(summary = "Hand an open task to someone else, with a reason: its creator, or whoever may complete it")
    TaskView reassign(CurrentUser user, @PathVariable UUID id, @RequestBody Reassignment reassignment) {
        return tasks.reassign(user, id, reassignment.assignee(), reassignment.reason());
    }
}
