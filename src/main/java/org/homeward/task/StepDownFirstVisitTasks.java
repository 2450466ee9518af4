package org.homeward.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.homeward.patient.PatientService;
import org.homeward.referral.StepDownNoLongerReadyToAdmit;
import org.homeward.referral.StepDownReadyToAdmit;
import org.homeward.security.Role;
import org.homeward.shared.DateWords;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.RecordAccessed;
import org.homeward.ward.VirtualWard;
import org.homeward.ward.WardCareOrganisation;
import org.homeward.ward.WardService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A step-down referral ready to admit (accepted, and the patient has left the acute ward) gives the ward's
 * coordinators one task: plan the first visit. High priority, due {@link #PLAN_WITHIN} after the patient left the
 * acute ward, and never less than {@link #AT_LEAST} after it is raised (an A03 that arrives late, or a referral
 * accepted long after the patient left, still leaves time to act before it escalates as overdue). The coordinators of
 * the ward's host organisation first, then of the other organisations caring for the ward's patients; if none has a
 * coordinator, the senior decision-makers. When the hospital cancels the discharge (A13) the open task is cancelled
 * with the reason. Both in the referral's transaction: no ready-to-admit without its task.
 */
@Component
class StepDownFirstVisitTasks {

    static final String TITLE = "Plan the first visit";
    static final Duration PLAN_WITHIN = Duration.ofHours(4);
    static final Duration AT_LEAST = Duration.ofHours(1);
    static final RecordAccessed.Actor RAISED_BY = new RecordAccessed.Actor("step-down-ready", null,
            "Homeward (step-down referral ready to admit)", "SYSTEM");

    private static final Logger log = LoggerFactory.getLogger(StepDownFirstVisitTasks.class);

    private final TaskService tasks;
    private final WardService wards;
    private final PatientService patients;
    private final Clock clock;

    StepDownFirstVisitTasks(TaskService tasks, WardService wards, PatientService patients, Clock clock) {
        this.tasks = tasks;
        this.wards = wards;
        this.patients = patients;
        this.clock = clock;
    }

    /** When the first visit must be planned by, for a patient who left the acute ward at {@code leftAt}. */
    static Instant dueAt(Instant leftAt, Instant now) {
        Instant planned = leftAt.plus(PLAN_WITHIN);
        Instant earliest = now.plus(AT_LEAST);
        return planned.isBefore(earliest) ? earliest : planned;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(StepDownReadyToAdmit ready) {
        VirtualWard ward = wards.ward(ready.wardId());
        List<OrganisationId> careTeam = patients.careTeamOrganisations(ready.patientId());
        List<OrganisationId> preferred = wards.careOrganisations(ward.id()).stream()
                .map(WardCareOrganisation::organisationId).filter(careTeam::contains).toList();
        Optional<TaskAssignee> to = tasks.roleAssignee(Role.COORDINATOR, preferred)
                .or(() -> tasks.roleAssignee(Role.SENIOR_DECISION_MAKER, preferred));
        if (to.isEmpty()) {
            log.warn("Step-down referral {} is ready to admit but nobody caring for {} patients can be given the task",
                    ready.referralId(), ward.name());
            return;
        }
        String left = DateWords.dateTime(ready.leftAcuteWardAt(), clock.getZone());
        NewTask task = new NewTask(ready.patientId(), TITLE, "Ready to admit: the patient left the acute ward at "
                + left + " and their step-down referral to " + ward.name() + " is accepted. Admit them (accountable "
                + "clinician, consent, transfer of accountability) and plan the first visit.", to.get(),
                dueAt(ready.leftAcuteWardAt(), clock.instant()), TaskPriority.HIGH, TaskOrigin.STEP_DOWN_READY,
                ready.referralId().value().toString());
        if (tasks.raiseOnce(RAISED_BY, ward.hostOrganisationId(), task).isEmpty()) {
            log.info("Step-down referral {} is ready to admit: its first-visit task was already open or could not be set",
                    ready.referralId());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(StepDownNoLongerReadyToAdmit notReady) {
        tasks.cancelRaised(RAISED_BY, TaskOrigin.STEP_DOWN_READY, notReady.referralId().value().toString(),
                "Not ready to admit any more: " + notReady.why());
    }
}
