package org.homeward.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.homeward.notification.Message;
import org.homeward.notification.NotificationService;
import org.homeward.notification.Recipient;
import org.homeward.patient.PatientService;
import org.homeward.patient.PatientSummary;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.Permission;
import org.homeward.security.Permissions;
import org.homeward.security.Role;
import org.homeward.security.SecurityService;
import org.homeward.security.UserAccount;
import org.homeward.shared.AuditedRecord;
import org.homeward.shared.ForbiddenException;
import org.homeward.shared.InvalidInputException;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.shared.RecordAccessed;
import org.homeward.shared.RefusedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks and worklists: the public API of the task module. A task is for a person, a role within an organisation or
 * an organisation's team ({@link TaskAssignee}); someone who would never see it cannot be given it, and a task about a
 * patient goes only to an organisation in the patient's care team. Completion (who, when, outcome) is recorded once and
 * audited. A task still open after its due time is overdue on every list; an urgent or high one is escalated once
 * ({@link #escalateOverdue}) to the coordinators of the organisation it was set for.
 */
@Service
public class TaskService {

    static final int TITLE_MAX = 200;
    static final int DETAIL_MAX = 2000;
    static final int OUTCOME_MAX = 2000;
    static final int ORIGIN_ID_MAX = 100;
    public static final String WITHHELD = "A task about a patient no longer in your organisation's care";

    private static final RecordAccessed.Actor TASK_CLOCK = new RecordAccessed.Actor("task-clock", null,
            "Homeward (overdue task check)", "SYSTEM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final TaskRepository tasks;
    private final PatientService patients;
    private final SecurityService security;
    private final NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskService(TaskRepository tasks, PatientService patients, SecurityService security,
            NotificationService notifications, ApplicationEventPublisher events, Clock clock) {
        this.tasks = tasks;
        this.patients = patients;
        this.security = security;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sets a task. A task about a patient needs the creator to see the patient, and goes only to someone whose
     * organisation is in the patient's care team (400 naming {@code assignee} otherwise). With no due time it is due
     * by its priority's default. Nothing is written when anything is refused.
     */
    @Transactional
    public TaskView create(CurrentUser user, NewTask task) {
        return create(user, task, false);
    }

    /**
     * Sets a task agreed earlier and written up only now, such as an action of a board round held on paper during an
     * outage: as {@link #create}, except that its due time may already have passed. The task keeps the due time that
     * was agreed, so it is overdue from the start (and, if urgent or high, escalated at the next overdue check) rather
     * than passing for a task due later. Not offered through the API: a task set by hand is due in the future.
     */
    @Transactional
    public TaskView createWrittenUpLater(CurrentUser user, NewTask task) {
        return create(user, task, true);
    }

    private TaskView create(CurrentUser user, NewTask task, boolean writtenUpLater) {
        user.require(Permission.CREATE_TASKS);
        if (task == null) {
            throw new InvalidInputException("title", "Title is required: what is to be done");
        }
        if (task.patientId() != null) {
            patients.requireVisible(user, task.patientId());
        }
        String title = required("title", "Title", task.title(), TITLE_MAX);
        String detail = optional("detail", "Detail", task.detail(), DETAIL_MAX);
        if (task.priority() == null) {
            throw new InvalidInputException("priority", "Priority is required: urgent, high or routine");
        }
        TaskOrigin origin = task.origin() == null ? TaskOrigin.BY_HAND : task.origin();
        String originId = optional("originId", "What the task came from", task.originId(), ORIGIN_ID_MAX);
        Instant now = clock.instant();
        if (task.dueAt() != null && !task.dueAt().isAfter(now) && !writtenUpLater) {
            throw new InvalidInputException("dueAt", "Due time must be in the future (it was "
                    + DATE_TIME.format(task.dueAt().atZone(zone())) + ")");
        }
        Instant due = task.dueAt() != null ? task.dueAt() : task.priority().defaultDueAt(now, zone());
        Resolved assignee = resolve(task.assignee(), task.patientId());
        TaskRepository.StoredTask stored = new TaskRepository.StoredTask(UUID.randomUUID(), task.patientId(), title,
                detail, assignee.assignee(), assignee.words(), task.priority(), origin, originId, due,
                user.signature(), user.username(), user.organisationId(), now, TaskStatus.OPEN, null, null, null,
                null);
        tasks.insert(stored);
        audit(user, RecordAccessed.Action.CREATE, stored, "set a " + task.priority().label().toLowerCase()
                + " task for " + assignee.words() + ", due " + DATE_TIME.format(due.atZone(zone()))
                + (writtenUpLater ? " (agreed earlier, written up afterwards)" : "") + ": " + title);
        return stored.view(now);
    }

    /**
     * Sets a task that Homeward raises by itself when something happens elsewhere (a step-down referral ready to
     * admit), once: nothing is set while a task of the same origin and origin id is open (and the database allows one
     * open step-down task per referral). No user sets it, so it is recorded and audited as {@code by}; the assignee is
     * checked as for any task. Internal to the module: called by its listeners within the publisher's transaction,
     * and not itself transactional, so a task that cannot be set is reported by an empty answer and never rolls back
     * what raised it.
     *
     * @param createdByOrganisation the organisation the task is recorded as set in (the ward's host)
     * @return the task set, or empty when one was open already or nobody could be given it
     */
    Optional<TaskView> raiseOnce(RecordAccessed.Actor by, OrganisationId createdByOrganisation, NewTask task) {
        if (task.originId() == null || !tasks.openFrom(task.origin(), task.originId()).isEmpty()) {
            return Optional.empty();
        }
        Resolved assignee;
        try {
            assignee = resolve(task.assignee(), task.patientId());
        } catch (InvalidInputException nobody) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String title = required("title", "Title", task.title(), TITLE_MAX);
        TaskRepository.StoredTask stored = new TaskRepository.StoredTask(UUID.randomUUID(), task.patientId(), title,
                optional("detail", "Detail", task.detail(), DETAIL_MAX), assignee.assignee(), assignee.words(),
                task.priority(), task.origin(), task.originId(), task.dueAt(), by.organisationName(), by.username(),
                createdByOrganisation, now, TaskStatus.OPEN, null, null, null, null);
        tasks.insert(stored);
        events.publishEvent(RecordAccessed.of(by, RecordAccessed.Action.CREATE, AuditedRecord.TASK, stored.id(),
                stored.patientId(), "set a " + task.priority().label().toLowerCase() + " task for " + assignee.words()
                        + ", due " + DATE_TIME.format(task.dueAt().atZone(zone())) + ": " + title));
        return Optional.of(stored.view(now));
    }

    /**
     * Cancels, with the reason, every open task Homeward raised from this origin and record ({@link #raiseOnce}),
     * recorded and audited as {@code by}. Internal to the module, like {@link #raiseOnce}.
     *
     * @return how many were cancelled
     */
    int cancelRaised(RecordAccessed.Actor by, TaskOrigin origin, String originId, String reason) {
        int cancelled = 0;
        String why = reason.length() > OUTCOME_MAX ? reason.substring(0, OUTCOME_MAX) : reason;
        for (TaskRepository.StoredTask t : tasks.openFrom(origin, originId)) {
            if (tasks.close(t.id(), TaskStatus.CANCELLED, by.organisationName(), by.username(), clock.instant(), why)) {
                events.publishEvent(RecordAccessed.of(by, RecordAccessed.Action.UPDATE, AuditedRecord.TASK, t.id(),
                        t.patientId(), "cancelled: " + why));
                cancelled++;
            }
        }
        return cancelled;
    }

    /**
     * The open tasks of these patients, by patient, soonest due first: for the board round, which has checked the
     * reader's access to its patients. Not audited row by row (the board round audits its own reading).
     */
    @Transactional(readOnly = true)
    public Map<PatientId, List<TaskView>> openTasksOf(Collection<PatientId> patientIds) {
        Instant now = clock.instant();
        Map<PatientId, List<TaskView>> open = new LinkedHashMap<>();
        for (TaskRepository.StoredTask t : tasks.openOf(new LinkedHashSet<>(patientIds))) {
            open.computeIfAbsent(t.patientId(), p -> new ArrayList<>()).add(t.view(now));
        }
        return open;
    }

    /**
     * The user's worklist: open tasks assigned to them, to their role in their organisation, or to their
     * organisation's team; overdue first, then by due time. A task about a patient the user may no longer see is
     * listed without its details ({@value #WITHHELD}) so it is not lost; its creator can hand it on.
     */
    @Transactional
    public List<TaskView> worklist(CurrentUser user) {
        user.require(Permission.SEE_WORKLIST);
        return shown(user, tasks.openFor(user.username(), user.role(), user.organisationId()), "on the worklist");
    }

    /**
     * For a coordinator: every open task set for anyone in their organisation that is past its due time, with when it
     * was escalated ("Overdue tasks in your organisation").
     */
    @Transactional
    public List<TaskView> overdueInMyOrganisation(CurrentUser user) {
        user.require(Permission.HEAR_OF_OVERDUE_TASKS);
        return shown(user, tasks.overdueIn(user.organisationId(), clock.instant()),
                "among the organisation's overdue tasks");
    }

    /** Every task about the patient, open ones first (soonest due first), then done and cancelled; audited. */
    @Transactional
    public List<TaskView> tasksOf(CurrentUser user, PatientId patient) {
        patients.requireVisible(user, patient);
        Instant now = clock.instant();
        String name = patients.summary(patient).displayName();
        List<TaskView> found = tasks.ofPatient(patient).stream().map(t -> t.view(now).withPatientName(name)).toList();
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.TASK, null, patient,
                "viewed " + found.size() + " task(s)"));
        return found;
    }

    /** One task; a task about a patient only for those who may see the patient. */
    @Transactional
    public TaskView task(CurrentUser user, UUID id) {
        TaskRepository.StoredTask t = find(id);
        if (t.patientId() == null) {
            user.require(Permission.SEE_WORKLIST);
            if (!user.organisationId().equals(t.assignee().organisationId())
                    && !user.organisationId().equals(t.createdByOrganisation())) {
                throw new NotFoundException("No task with id " + id);
            }
            return t.view(clock.instant());
        }
        patients.requireVisibleRecord(user, t.patientId(), () -> new NotFoundException("No task with id " + id));
        events.publishEvent(RecordAccessed.read(user, AuditedRecord.TASK, t.id(), t.patientId(), "viewed the task"));
        return t.view(clock.instant()).withPatientName(patients.summary(t.patientId()).displayName());
    }

    /**
     * Records the task as done, by the user, now, with what was done. Only the person it was set for, someone in the
     * role or team it was set for, or a coordinator or senior decision-maker of that organisation may; a task already
     * done or cancelled is refused (409) naming who closed it.
     */
    @Transactional
    public TaskView complete(CurrentUser user, UUID id, String outcome) {
        user.require(Permission.SEE_WORKLIST);
        TaskRepository.StoredTask t = closable(user, id, "complete");
        String said = required("outcome", "Outcome", outcome, OUTCOME_MAX);
        close(user, t, TaskStatus.DONE, said);
        audit(user, RecordAccessed.Action.UPDATE, t, "completed: " + said);
        return find(id).view(clock.instant());
    }

    /**
     * Records as done a task whose work was done elsewhere, by the user who did it (a result it asked to acknowledge
     * was acknowledged, by whichever clinician): internal use by the module that set the task, which has checked the
     * user may do that work. A task already closed is left as it is.
     */
    @Transactional
    public void completeAsDoneElsewhere(CurrentUser user, UUID id, String outcome) {
        TaskRepository.StoredTask t = find(id);
        if (t.status() != TaskStatus.OPEN) {
            return;
        }
        String said = required("outcome", "Outcome", outcome, OUTCOME_MAX);
        close(user, t, TaskStatus.DONE, said);
        audit(user, RecordAccessed.Action.UPDATE, t, "completed: " + said);
    }

    /** Cancels an open task with a reason: its creator, or whoever may complete it. */
    @Transactional
    public TaskView cancel(CurrentUser user, UUID id, String reason) {
        user.require(Permission.SEE_WORKLIST);
        TaskRepository.StoredTask t = closable(user, id, "cancel");
        String why = required("reason", "Reason", reason, OUTCOME_MAX);
        close(user, t, TaskStatus.CANCELLED, why);
        audit(user, RecordAccessed.Action.UPDATE, t, "cancelled: " + why);
        return find(id).view(clock.instant());
    }

    /**
     * Hands an open task to someone else, with a reason: its creator, or whoever may complete it. The new assignee is
     * checked as at creation (someone who will see it; in the patient's care team).
     */
    @Transactional
    public TaskView reassign(CurrentUser user, UUID id, TaskAssignee to, String reason) {
        user.require(Permission.SEE_WORKLIST);
        TaskRepository.StoredTask t = closable(user, id, "hand on");
        String why = required("reason", "Reason", reason, OUTCOME_MAX);
        Resolved assignee = resolve(to, t.patientId());
        if (!tasks.reassign(id, assignee.assignee(), assignee.words())) {
            throw alreadyClosed(find(id));
        }
        audit(user, RecordAccessed.Action.UPDATE, t, "handed on from " + t.assigneeWords() + " to "
                + assignee.words() + ": " + why);
        return find(id).view(clock.instant());
    }

    /**
     * The role's worklist in the first of {@code organisations} (in the caller's order of preference) where an
     * enabled user holds the role; empty when none does or the role has no worklist. One query, nothing audited.
     */
    @Transactional(readOnly = true)
    public Optional<TaskAssignee> roleAssignee(Role role, List<OrganisationId> organisations) {
        if (!Permissions.rolesWith(Permission.SEE_WORKLIST).contains(role)) {
            return Optional.empty();
        }
        Set<OrganisationId> holding = security.organisationsWithRole(role, organisations);
        return organisations.stream().filter(holding::contains).findFirst()
                .map(organisation -> TaskAssignee.role(role, organisation));
    }

    /**
     * Who a task may be set for among these organisations (a patient's care team): each person with a worklist, each
     * role with a worklist that someone there holds, and each organisation's team.
     */
    @Transactional(readOnly = true)
    public List<AssigneeChoice> assigneeChoices(Collection<OrganisationId> organisations) {
        Map<OrganisationId, Organisation> named = security.organisations().stream()
                .filter(o -> organisations.contains(o.id()))
                .collect(Collectors.toMap(Organisation::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<UserAccount> workers = security.usersWho(Permission.SEE_WORKLIST).stream()
                .filter(u -> named.containsKey(u.organisationId())).toList();
        List<AssigneeChoice> choices = new ArrayList<>();
        for (Organisation organisation : named.values()) {
            choices.add(new AssigneeChoice(TaskAssignee.team(organisation.id()), teamWords(organisation)));
        }
        for (Organisation organisation : named.values()) {
            for (Role role : Permissions.rolesWith(Permission.SEE_WORKLIST)) {
                if (workers.stream().anyMatch(u -> u.role() == role && u.organisationId().equals(organisation.id()))) {
                    choices.add(new AssigneeChoice(TaskAssignee.role(role, organisation.id()),
                            roleWords(role, organisation)));
                }
            }
        }
        workers.stream().sorted((a, b) -> a.displayName().compareToIgnoreCase(b.displayName()))
                .forEach(u -> choices.add(new AssigneeChoice(
                        new TaskAssignee(u.username(), null, u.organisationId()), personWords(u))));
        return choices;
    }

    /**
     * Escalates each open urgent or high task past its due time at {@code now}, once: it is marked escalated and the
     * coordinators of the organisation it was set for are told (in the app, and by email and text where they have
     * them; if the organisation has no coordinator, its senior decision-makers). Run by the overdue-task check.
     *
     * @return how many tasks were escalated
     */
    @Transactional
    public int escalateOverdue(Instant now) {
        List<TaskRepository.StoredTask> overdue = tasks.takeOverdueToEscalate(now);
        for (TaskRepository.StoredTask t : overdue) {
            List<Recipient> told = overseersOf(t.assignee().organisationId()).stream()
                    .map(u -> new Recipient(u.id(), u.displayName())).toList();
            String due = when(t.dueAt(), now);
            notifications.notify(told, new Message(null, "Overdue " + t.priority().label().toLowerCase() + " task",
                    "A " + t.priority().label().toLowerCase() + "-priority task for " + t.assigneeWords()
                            + " was due at " + due + " and is not done. Open Homeward to see it and who can do it.",
                    "Task: " + t.title(), "/tasks"));
            events.publishEvent(RecordAccessed.of(TASK_CLOCK, RecordAccessed.Action.UPDATE, AuditedRecord.TASK,
                    t.id(), t.patientId(), "escalated: overdue since " + due + "; told "
                            + (told.isEmpty() ? "nobody (no coordinator or senior decision-maker)"
                                    : told.stream().map(Recipient::name).collect(Collectors.joining(", ")))));
        }
        return overdue.size();
    }

    // rules -----------------------------------------------------------------------------------------------------

    private record Resolved(TaskAssignee assignee, String words) {
    }

    /**
     * The assignee as stored (always naming the organisation) with its words, after checking someone would see the
     * task: an enabled user with a worklist, a role with a worklist that someone in the organisation holds, a team
     * with someone on it with a worklist; and, for a patient's task, an organisation in the care team.
     */
    private Resolved resolve(TaskAssignee assignee, PatientId patient) {
        if (assignee == null || (assignee.username() == null && assignee.role() == null
                && assignee.organisationId() == null)) {
            throw new InvalidInputException("assignee",
                    "Say who the task is for: a person, a role within an organisation, or an organisation's team");
        }
        if (assignee.username() != null && assignee.role() != null) {
            throw new InvalidInputException("assignee", "Set a task for a person or for a role, not both");
        }
        Resolved resolved = switch (assignee.kind()) {
            case PERSON -> person(assignee);
            case ROLE -> role(assignee);
            case TEAM -> team(assignee);
        };
        OrganisationId organisation = resolved.assignee().organisationId();
        if (patient != null && patients.inCareOf(organisation, List.of(patient)).isEmpty()) {
            throw new InvalidInputException("assignee", security.organisation(organisation).name()
                    + " is not in this patient's care team, so nobody there could open the task; choose someone in"
                    + " the care team, or ask a senior decision-maker to add the organisation to it");
        }
        return resolved;
    }

    private Resolved person(TaskAssignee assignee) {
        UserAccount user = security.findActiveUser(assignee.username().trim())
                .orElseThrow(() -> new InvalidInputException("assignee.username", "No one with the username '"
                        + assignee.username() + "' can be given work (unknown, or their account is disabled)"));
        if (!user.can(Permission.SEE_WORKLIST)) {
            throw new InvalidInputException("assignee.username", user.displayName() + " is a "
                    + user.role().label().toLowerCase() + " and has no worklist, so would never see the task");
        }
        if (assignee.organisationId() != null && !assignee.organisationId().equals(user.organisationId())) {
            throw new InvalidInputException("assignee.organisationId", user.displayName() + " works for "
                    + user.organisationName() + ", not the organisation named");
        }
        return new Resolved(new TaskAssignee(user.username(), null, user.organisationId()), personWords(user));
    }

    private Resolved role(TaskAssignee assignee) {
        Organisation organisation = organisationNamed(assignee.organisationId(), "the role");
        if (!Permissions.grants(assignee.role(), Permission.SEE_WORKLIST)) {
            throw new InvalidInputException("assignee.role", assignee.role().label() + "s have no worklist, so"
                    + " nobody would see the task; choose one of: " + Permissions.rolesWith(Permission.SEE_WORKLIST)
                    .stream().map(Role::label).collect(Collectors.joining(", ")));
        }
        boolean held = security.usersWithRole(assignee.role()).stream()
                .anyMatch(u -> u.organisationId().equals(organisation.id()));
        if (!held) {
            throw new InvalidInputException("assignee.role", "Nobody at " + organisation.name() + " is a "
                    + assignee.role().label().toLowerCase() + " on Homeward, so nobody would see the task");
        }
        return new Resolved(TaskAssignee.role(assignee.role(), organisation.id()),
                roleWords(assignee.role(), organisation));
    }

    private Resolved team(TaskAssignee assignee) {
        Organisation organisation = organisationNamed(assignee.organisationId(), "the team");
        boolean anyone = security.usersWho(Permission.SEE_WORKLIST).stream()
                .anyMatch(u -> u.organisationId().equals(organisation.id()));
        if (!anyone) {
            throw new InvalidInputException("assignee.organisationId", "Nobody at " + organisation.name()
                    + " has a worklist on Homeward, so nobody would see the task");
        }
        return new Resolved(TaskAssignee.team(organisation.id()), teamWords(organisation));
    }

    private Organisation organisationNamed(OrganisationId id, String of) {
        if (id == null) {
            throw new InvalidInputException("assignee.organisationId", "Name the organisation of " + of);
        }
        try {
            return security.organisation(id);
        } catch (NotFoundException e) {
            throw new InvalidInputException("assignee.organisationId", "No organisation with id " + id);
        }
    }

    /** The task, if the user may close or hand it on; refused otherwise, and if it is no longer open. */
    private TaskRepository.StoredTask closable(CurrentUser user, UUID id, String verb) {
        TaskRepository.StoredTask t = find(id);
        if (t.patientId() != null) {
            patients.requireVisible(user, t.patientId());
        }
        boolean allowed = "complete".equals(verb) ? mayDo(user, t.assignee()) : mayHandOnOrCancel(user, t);
        if (!allowed) {
            events.publishEvent(RecordAccessed.denied(user, AuditedRecord.TASK, t.id(), t.patientId(),
                    "may not " + verb + " a task for " + t.assigneeWords()));
            throw new ForbiddenException("This task is for " + t.assigneeWords() + ": only they, or a coordinator"
                    + " or senior decision-maker of that organisation" + ("complete".equals(verb) ? ""
                            : ", or whoever set it") + ", may " + verb + " it.");
        }
        if (t.status() != TaskStatus.OPEN) {
            throw alreadyClosed(t);
        }
        return t;
    }

    /**
     * Whether the user may hand this task on or cancel it now: it is open and they set it or may complete it (the
     * rule {@link #cancel} and {@link #reassign} apply), to offer those forms only to them.
     */
    @Transactional(readOnly = true)
    public boolean mayChange(CurrentUser user, UUID id) {
        TaskRepository.StoredTask t = find(id);
        return t.status() == TaskStatus.OPEN && user.can(Permission.SEE_WORKLIST) && mayHandOnOrCancel(user, t);
    }

    /** The one rule of who may hand a task on or cancel it: whoever set it, or whoever may do it. */
    private static boolean mayHandOnOrCancel(CurrentUser user, TaskRepository.StoredTask t) {
        return t.createdByUsername().equals(user.username()) || mayDo(user, t.assignee());
    }

    /** Whether the user may complete this task now (to offer the form only to them). */
    public boolean mayComplete(CurrentUser user, TaskView task) {
        return task.open() && !task.withheld() && user.can(Permission.SEE_WORKLIST) && mayDo(user, task.assignee());
    }

    /** The one rule of who may do a task: the person, someone in the role or team, or their organisation's overseers. */
    static boolean mayDo(CurrentUser user, TaskAssignee assignee) {
        boolean sameOrganisation = user.organisationId().equals(assignee.organisationId());
        return switch (assignee.kind()) {
            case PERSON -> user.username().equals(assignee.username());
            case ROLE -> sameOrganisation && user.role() == assignee.role();
            case TEAM -> sameOrganisation && user.can(Permission.SEE_WORKLIST);
        } || (sameOrganisation && user.can(Permission.MANAGE_TEAM_TASKS));
    }

    private void close(CurrentUser user, TaskRepository.StoredTask t, TaskStatus status, String outcome) {
        if (!tasks.close(t.id(), status, user.signature(), user.username(), clock.instant(), outcome)) {
            throw alreadyClosed(find(t.id()));
        }
    }

    private RefusedException alreadyClosed(TaskRepository.StoredTask t) {
        return new RefusedException("This task was already " + (t.status() == TaskStatus.DONE ? "done" : "cancelled")
                + " by " + t.closedBy() + " at " + DATE_TIME.format(t.closedAt().atZone(zone())));
    }

    private List<UserAccount> overseersOf(OrganisationId organisation) {
        List<UserAccount> coordinators = security.usersWho(Permission.HEAR_OF_OVERDUE_TASKS).stream()
                .filter(u -> u.organisationId().equals(organisation)).toList();
        if (!coordinators.isEmpty()) {
            return coordinators;
        }
        return security.usersWho(Permission.MANAGE_TEAM_TASKS).stream()
                .filter(u -> u.organisationId().equals(organisation)).toList();
    }

    private TaskRepository.StoredTask find(UUID id) {
        return tasks.find(id).orElseThrow(() -> new NotFoundException("No task with id " + id));
    }

    /**
     * The views of these tasks for the user, with patients' names; a task about a patient the user may not see is
     * withheld (no title, detail or patient). One audit line per patient listed.
     */
    private List<TaskView> shown(CurrentUser user, List<TaskRepository.StoredTask> found, String where) {
        Instant now = clock.instant();
        Set<PatientId> ids = found.stream().map(TaskRepository.StoredTask::patientId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<PatientId, String> names = patients.visibleSummaries(user, ids).stream()
                .collect(Collectors.toMap(PatientSummary::id, PatientSummary::displayName));
        List<TaskView> views = new ArrayList<>();
        Map<PatientId, Integer> perPatient = new LinkedHashMap<>();
        for (TaskRepository.StoredTask t : found) {
            TaskView view = t.view(now);
            if (t.patientId() == null) {
                views.add(view);
            } else if (names.containsKey(t.patientId())) {
                views.add(view.withPatientName(names.get(t.patientId())));
                perPatient.merge(t.patientId(), 1, Integer::sum);
            } else {
                views.add(new TaskView(t.id(), null, null, WITHHELD, null, t.assignee(), t.assigneeWords(),
                        t.priority(), t.origin(), null, t.dueAt(), view.overdue(), t.status(), t.createdBy(),
                        t.createdAt(), null, null, null, t.escalatedAt()));
            }
        }
        perPatient.forEach((patient, n) -> events.publishEvent(RecordAccessed.read(user, AuditedRecord.TASK, null,
                patient, "listed " + n + " task(s) " + where)));
        return views;
    }

    private void audit(CurrentUser user, RecordAccessed.Action action, TaskRepository.StoredTask t, String detail) {
        events.publishEvent(RecordAccessed.of(user, action, AuditedRecord.TASK, t.id(), t.patientId(), detail));
    }

    private static String required(String field, String label, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, label + " is required");
        }
        return optional(field, label, text, max);
    }

    private static String optional(String field, String label, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > max) {
            throw new InvalidInputException(field, label + " must be " + max + " characters or fewer (it has "
                    + trimmed.length() + ")");
        }
        return trimmed;
    }

    private String when(Instant at, Instant now) {
        return LocalDate.ofInstant(at, zone()).equals(LocalDate.ofInstant(now, zone()))
                ? TIME.format(at.atZone(zone())) : DATE_TIME.format(at.atZone(zone()));
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    static String personWords(UserAccount user) {
        return user.displayName() + " (" + user.jobTitle() + ", " + user.organisationName() + ")";
    }

    static String roleWords(Role role, Organisation organisation) {
        String plural = switch (role) {
            case CLINICIAN -> "Clinicians (nurses / AHPs)";
            default -> role.label() + "s";
        };
        return plural + ", " + organisation.name();
    }

    static String teamWords(Organisation organisation) {
        return "Team: anyone at " + organisation.name();
    }
}
