package org.homeward.task.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.homeward.patient.PatientRecord;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.OrganisationType;
import org.homeward.security.Permission;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.shared.FormErrors;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.RefusedException;
import org.homeward.task.AssigneeChoice;
import org.homeward.task.NewTask;
import org.homeward.task.TaskAssignee;
import org.homeward.task.TaskOrigin;
import org.homeward.task.TaskPriority;
import org.homeward.task.TaskService;
import org.homeward.task.TaskView;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My worklist ({@code /tasks}) and a patient's tasks with the form to set one ({@code /patients/{id}/tasks}). */
@Controller
class TaskPageController {

    private static final Pattern BACK = Pattern.compile("^/(tasks|patients/[0-9a-f-]{36}/tasks)$");

    private final TaskService tasks;
    private final PatientService patients;
    private final SecurityService security;
    private final Clock clock;

    TaskPageController(TaskService tasks, PatientService patients, SecurityService security, Clock clock) {
        this.tasks = tasks;
        this.patients = patients;
        this.security = security;
        this.clock = clock;
    }

    /**
     * The form to set a task: who it is for is one choice ({@link #assignee}), the due time a date and a time (both
     * empty: the priority's default).
     */
    record TaskForm(String title, String detail, String assignTo, TaskPriority priority,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate, String dueTime, TaskOrigin origin,
            String originId) {

        NewTask command(PatientId patient, Clock clock) {
            return new NewTask(patient, title, detail, assignee(assignTo), dueAt(clock), priority, origin, originId);
        }

        private Instant dueAt(Clock clock) {
            boolean noTime = dueTime == null || dueTime.isBlank();
            if (dueDate == null && noTime) {
                return null;
            }
            if (noTime) {
                throw new InvalidInputException("dueTime", "Enter the time it is due as well, such as 14:30");
            }
            LocalTime time;
            try {
                time = LocalTime.parse(dueTime.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("dueTime", "Due time must be a time of day such as 14:30");
            }
            LocalDate day = dueDate != null ? dueDate : LocalDate.now(clock);
            return day.atTime(time).atZone(clock.getZone()).toInstant();
        }
    }

    /** The choice's value: {@code person:<username>}, {@code role:<ROLE>:<organisation id>} or {@code team:<id>}. */
    static String value(TaskAssignee assignee) {
        return switch (assignee.kind()) {
            case PERSON -> "person:" + assignee.username();
            case ROLE -> "role:" + assignee.role().name() + ":" + assignee.organisationId();
            case TEAM -> "team:" + assignee.organisationId();
        };
    }

    static TaskAssignee assignee(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(":", 3);
        try {
            return switch (parts[0]) {
                case "person" -> TaskAssignee.person(parts[1]);
                case "role" -> TaskAssignee.role(Role.valueOf(parts[1]), OrganisationId.of(parts[2]));
                case "team" -> TaskAssignee.team(OrganisationId.of(parts[1]));
                default -> throw new IllegalArgumentException(value);
            };
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputException("assignTo", "Choose who the task is for from the list");
        }
    }

    /** A choice as the form's select shows it. */
    record Choice(String value, String words) {
    }

    /** The error on one task's completion form. */
    record CompletionError(UUID taskId, String message, String typed) {
    }

    // worklist -------------------------------------------------------------------------------------------------

    @GetMapping("/tasks")
    String worklist(CurrentUser user, Model model) {
        List<TaskView> mine = tasks.worklist(user);
        model.addAttribute("heading", worklistTitle(user));
        model.addAttribute("tasks", mine);
        model.addAttribute("completable", completable(user, mine));
        if (user.can(Permission.HEAR_OF_OVERDUE_TASKS)) {
            model.addAttribute("overdueInOrganisation", tasks.overdueInMyOrganisation(user));
        }
        model.addAttribute("back", "/tasks");
        return "task/worklist";
    }

    @PostMapping("/tasks/{id}/completion")
    String complete(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String back, Model model, RedirectAttributes redirect) {
        String returnTo = back != null && BACK.matcher(back).matches() ? back : "/tasks";
        try {
            TaskView done = tasks.complete(user, id, outcome);
            redirect.addFlashAttribute("message", "Done: " + done.title());
        } catch (InvalidInputException e) {
            String message = "outcome".equals(e.field()) && (outcome == null || outcome.isBlank())
                    ? "Enter what was done" : e.getMessage();
            model.addAttribute("completionError", new CompletionError(id, message, outcome));
            if (returnTo.startsWith("/patients/")) {
                return patientTasks(user, PatientId.of(returnTo.split("/")[2]), model);
            }
            return worklist(user, model);
        } catch (RefusedException e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:" + returnTo;
    }

    // handing on or cancelling ------------------------------------------------------------------------------

    /** What the hand-on and cancel forms hold: who to, and the reason for each. */
    record ChangeForm(String assignTo, String handOnReason, String cancelReason) {
    }

    /** The task with the forms to hand it on to someone else in the patient's care team, or to cancel it. */
    @GetMapping("/tasks/{id}/change")
    String change(CurrentUser user, @PathVariable UUID id, Model model) {
        TaskView task = tasks.task(user, id);
        if (!model.containsAttribute("change")) {
            model.addAttribute("change", new ChangeForm(null, null, null));
        }
        model.addAttribute("task", task);
        model.addAttribute("mayChange", tasks.mayChange(user, id));
        model.addAttribute("choices", task.patientId() == null ? List.of()
                : tasks.assigneeChoices(patients.careTeamOrganisations(task.patientId())).stream()
                        .filter(c -> !c.assignee().equals(task.assignee()))
                        .map((AssigneeChoice c) -> new Choice(value(c.assignee()), c.words())).toList());
        model.addAttribute("completable", Set.of());
        return "task/change";
    }

    @PostMapping("/tasks/{id}/reassignment")
    String handOn(CurrentUser user, @PathVariable UUID id, @ModelAttribute("change") ChangeForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            TaskAssignee to = assignee(form.assignTo());
            if (to == null) {
                throw new InvalidInputException("assignTo", "Choose who to hand the task on to");
            }
            TaskView handed = tasks.reassign(user, id, to, form.handOnReason());
            redirect.addFlashAttribute("message", "Handed on to " + handed.assigneeWords() + ": " + handed.title());
            return "redirect:/tasks";
        } catch (InvalidInputException e) {
            boolean noReason = "reason".equals(e.field())
                    && (form.handOnReason() == null || form.handOnReason().isBlank());
            FormErrors.add(errors, new InvalidInputException("reason".equals(e.field()) ? "handOnReason"
                    : e.field().startsWith("assignee") ? "assignTo" : e.field(),
                    noReason ? "Say why the task is handed on" : e.getMessage()));
        } catch (RefusedException e) {
            FormErrors.add(errors, e);
        }
        return change(user, id, model);
    }

    @PostMapping("/tasks/{id}/cancellation")
    String cancel(CurrentUser user, @PathVariable UUID id, @ModelAttribute("change") ChangeForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            TaskView cancelled = tasks.cancel(user, id, form.cancelReason());
            redirect.addFlashAttribute("message", "Cancelled: " + cancelled.title());
            return "redirect:/tasks";
        } catch (InvalidInputException e) {
            boolean noReason = "reason".equals(e.field())
                    && (form.cancelReason() == null || form.cancelReason().isBlank());
            FormErrors.add(errors, new InvalidInputException("reason".equals(e.field()) ? "cancelReason"
                    : e.field(), noReason ? "Say why the task is cancelled" : e.getMessage()));
        } catch (RefusedException e) {
            FormErrors.add(errors, e);
        }
        return change(user, id, model);
    }

    /** The page says whose list it is: Pharmacist's worklist, GP's worklist, Coordinator's worklist. */
    String worklistTitle(CurrentUser user) {
        if (user.role() == Role.SENIOR_DECISION_MAKER
                && security.organisation(user.organisationId()).type() == OrganisationType.GP_FEDERATION) {
            return "GP's worklist";
        }
        return switch (user.role()) {
            case CLINICIAN -> "Clinician's worklist";
            default -> user.role().label() + "'s worklist";
        };
    }

    // a patient's tasks ----------------------------------------------------------------------------------------

    @GetMapping("/patients/{id}/tasks")
    String patientTasks(CurrentUser user, @PathVariable PatientId id, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TaskForm(null, null, null, TaskPriority.ROUTINE, null, null,
                    TaskOrigin.BY_HAND, null));
        }
        PatientRecord patient = patients.record(user, id);
        List<TaskView> all = tasks.tasksOf(user, id);
        model.addAttribute("patient", patient);
        model.addAttribute("openTasks", all.stream().filter(TaskView::open).toList());
        model.addAttribute("closedTasks", all.stream().filter(t -> !t.open()).toList());
        model.addAttribute("completable", completable(user, all));
        model.addAttribute("choices", choices(patient));
        model.addAttribute("priorities", TaskPriority.values());
        model.addAttribute("back", "/patients/" + id + "/tasks");
        return "task/patient-tasks";
    }

    /** The form filled in from an alert on the board: its words as the title, the alert as what the task came from. */
    @GetMapping("/patients/{id}/tasks/new")
    String fromAlert(CurrentUser user, @PathVariable PatientId id, @RequestParam(required = false) UUID alert,
            @RequestParam(required = false) String title, Model model) {
        String words = title == null || title.isBlank() ? "Follow up the alert" : title.strip();
        if (words.length() > 200) {
            words = words.substring(0, 200);
        }
        model.addAttribute("form", new TaskForm(alert == null ? null : words, null, null,
                alert == null ? TaskPriority.ROUTINE : TaskPriority.HIGH, null, null,
                alert == null ? TaskOrigin.BY_HAND : TaskOrigin.ALERT, alert == null ? null : alert.toString()));
        return patientTasks(user, id, model);
    }

    @PostMapping("/patients/{id}/tasks")
    String create(CurrentUser user, @PathVariable PatientId id, @ModelAttribute("form") TaskForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        try {
            TaskView created = tasks.create(user, form.command(id, clock));
            redirect.addFlashAttribute("message", "Task set for " + created.assigneeWords() + ": " + created.title());
            return "redirect:/patients/" + id + "/tasks";
        } catch (InvalidInputException e) {
            FormErrors.add(errors, new InvalidInputException(formField(e.field()), e.getMessage()));
        } catch (RefusedException e) {
            FormErrors.add(errors, e);
        }
        return patientTasks(user, id, model);
    }

    /** The service names the API's fields; the form asks who in one choice and when as a date and a time. */
    static String formField(String field) {
        if (field.startsWith("assignee")) {
            return "assignTo";
        }
        return switch (field) {
            case "dueAt" -> "dueDate";
            case "origin", "originId" -> "title";
            default -> field;
        };
    }

    private List<Choice> choices(PatientRecord patient) {
        return tasks.assigneeChoices(patient.careTeam()).stream()
                .map((AssigneeChoice c) -> new Choice(value(c.assignee()), c.words())).toList();
    }

    private Set<UUID> completable(CurrentUser user, List<TaskView> shown) {
        return shown.stream().filter(t -> tasks.mayComplete(user, t)).map(TaskView::id).collect(Collectors.toSet());
    }
}
