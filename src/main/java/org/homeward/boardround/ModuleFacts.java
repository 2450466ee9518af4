package org.homeward.boardround;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.careplan.ResuscitationStatus;
import org.homeward.careplan.SupportPlanService;
import org.homeward.shared.PatientId;
import org.homeward.task.TaskService;
import org.homeward.task.TaskView;
import org.springframework.stereotype.Component;

/**
 * The board's columns other modules own, one batch question to each for every patient on the board: ReSPECT / DNACPR
 * from the care and support plan, open tasks from the task module. Acuity and criteria to reside come from the acuity
 * tool; results stay "Not recorded" until the diagnostics module exists.
 */
@Component
class ModuleFacts implements BoardRoundFacts {

    private final SupportPlanService supportPlans;
    private final TaskService tasks;

    ModuleFacts(SupportPlanService supportPlans, TaskService tasks) {
        this.supportPlans = supportPlans;
        this.tasks = tasks;
    }

    @Override
    public Map<PatientId, PatientFacts> factsFor(Collection<PatientId> patients) {
        Map<PatientId, ResuscitationStatus> resuscitation = supportPlans.resuscitationStatuses(patients);
        Map<PatientId, List<TaskView>> openTasks = tasks.openTasksOf(patients);
        Map<PatientId, PatientFacts> facts = new HashMap<>();
        for (PatientId patient : patients) {
            ResuscitationStatus status = resuscitation.get(patient);
            facts.put(patient, new PatientFacts(PatientFacts.NOT_RECORDED_TEXT, null, PatientFacts.NOT_RECORDED_TEXT,
                    status == null ? "None recorded" : status.words(), taskWords(openTasks.get(patient)),
                    PatientFacts.NOT_RECORDED_TEXT));
        }
        return facts;
    }

    /** None open, 2 open, or 2 open and 1 overdue, in words. */
    static String taskWords(List<TaskView> open) {
        if (open == null || open.isEmpty()) {
            return "None open";
        }
        long overdue = open.stream().filter(TaskView::overdue).count();
        return open.size() + " open" + (overdue > 0 ? ", " + overdue + " overdue" : "");
    }
}
