package org.homeward.boardround;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.homeward.shared.DateWords;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.OrganisationId;
import org.homeward.task.NewTask;
import org.homeward.task.TaskAssignee;
import org.homeward.task.TaskOrigin;
import org.homeward.task.TaskPriority;
import org.homeward.task.TaskService;
import org.homeward.task.TaskView;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each action agreed at a board round becomes a task, in the review's own transaction (no review without its tasks):
 * for the action's role in the organisation of the senior who agreed it when someone there holds that role, otherwise
 * in the first organisation of the patient's care team where someone does. Due by the end of the action's day
 * (an urgent or immediate action today: within its priority's time). A role nobody in the care team holds refuses the
 * review (400 naming the actions field), so no action is agreed for nobody. An action of a round written up
 * afterwards keeps the due date agreed at the round, even one now past: its task is then overdue from the start.
 */
@Component
class ActionsBecomeTasks {

    private final TaskService tasks;
    private final PatientService patients;
    private final SecurityService security;
    private final BoardRoundService rounds;
    private final Clock clock;

    ActionsBecomeTasks(TaskService tasks, PatientService patients, SecurityService security,
            BoardRoundService rounds, Clock clock) {
        this.tasks = tasks;
        this.patients = patients;
        this.security = security;
        this.rounds = rounds;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(BoardRoundActionAgreed action) {
        CurrentUser agreedBy = security.findActiveUser(action.agreedBy()).map(CurrentUser::of)
                .orElseThrow(() -> new IllegalStateException("The senior who agreed the action is not an active user"));
        List<OrganisationId> careTeam = new ArrayList<>(patients.careTeamOrganisations(action.patientId()));
        if (careTeam.remove(agreedBy.organisationId())) {
            careTeam.add(0, agreedBy.organisationId());
        }
        TaskAssignee assignee = tasks.roleAssignee(action.assignedRole(), careTeam)
                .orElseThrow(() -> new InvalidInputException("actions", "nobody in this patient's care team is a "
                        + action.assignedRole().label().toLowerCase() + "; set the action for another role"));
        TaskPriority priority = switch (action.priority()) {
            case IMMEDIATE -> TaskPriority.URGENT;
            case URGENT -> TaskPriority.HIGH;
            case ROUTINE -> TaskPriority.ROUTINE;
        };
        LocalDate today = LocalDate.now(clock);
        boolean dueToday = action.dueDate().equals(today);
        NewTask task = new NewTask(action.patientId(), action.text(), action.writtenUpLater()
                ? "Agreed at the board round of " + DateWords.day(action.roundDate()) + " by " + agreedBy.signature()
                        + " (the round was written up afterwards)"
                : "Agreed at the board round by " + agreedBy.signature(), assignee,
                dueToday && priority != TaskPriority.ROUTINE ? null
                        : action.dueDate().atTime(LocalTime.of(23, 59)).atZone(clock.getZone()).toInstant(),
                priority, TaskOrigin.BOARD_ROUND, action.actionId().toString());
        // a round written up afterwards may have agreed an action due on a day now past: the task keeps that due
        // date and is overdue from the start, rather than passing for a new task due later
        TaskView made = action.dueDate().isBefore(today) ? tasks.createWrittenUpLater(agreedBy, task)
                : tasks.create(agreedBy, task);
        rounds.linkTask(action.actionId(), made.id());
    }
}
