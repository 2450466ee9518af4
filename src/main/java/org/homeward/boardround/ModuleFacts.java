package org.homeward.boardround;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.homeward.shared.DateWords;
import org.homeward.careplan.AcuityService;
import org.homeward.careplan.LatestAcuity;
import org.homeward.careplan.ResuscitationStatus;
import org.homeward.careplan.SupportPlanService;
import org.homeward.diagnostics.DiagnosticsService;
import org.homeward.diagnostics.OutstandingResults;
import org.homeward.medication.ReconciliationService;
import org.homeward.shared.PatientId;
import org.homeward.task.TaskService;
import org.homeward.task.TaskView;
import org.springframework.stereotype.Component;

/**
 * The board's columns other modules own, one batch question to each for every patient on the board: ReSPECT / DNACPR
 * from the care and support plan, open tasks from the task module, acuity and criteria to reside from the latest
 * acuity assessment (its day named when not today), outstanding tests and results from diagnostics (orders awaiting
 * a result, results awaiting acknowledgement and how many are critical), and the medicines reconciliation's clock
 * from the medication module.
 */
@Component
class ModuleFacts implements BoardRoundFacts {

    private final AcuityService acuity;
    private final SupportPlanService supportPlans;
    private final TaskService tasks;
    private final DiagnosticsService diagnostics;
    private final ReconciliationService reconciliations;
    private final Clock clock;

    ModuleFacts(AcuityService acuity, SupportPlanService supportPlans, TaskService tasks,
            DiagnosticsService diagnostics, ReconciliationService reconciliations, Clock clock) {
        this.diagnostics = diagnostics;
        this.acuity = acuity;
        this.supportPlans = supportPlans;
        this.tasks = tasks;
        this.reconciliations = reconciliations;
        this.clock = clock;
    }

    @Override
    public Map<PatientId, PatientFacts> factsFor(Collection<PatientId> patients) {
        Map<PatientId, LatestAcuity> assessments = acuity.latestForBoard(patients);
        LocalDate today = LocalDate.now(clock);
        Map<PatientId, ResuscitationStatus> resuscitation = supportPlans.resuscitationStatuses(patients);
        Map<PatientId, List<TaskView>> openTasks = tasks.openTasksOf(patients);
        Map<PatientId, OutstandingResults> results = diagnostics.outstanding(patients);
        Map<PatientId, String> reconciled = reconciliations.boardWords(patients);
        Map<PatientId, PatientFacts> facts = new HashMap<>();
        for (PatientId patient : patients) {
            ResuscitationStatus status = resuscitation.get(patient);
            LatestAcuity assessed = assessments.get(patient);
            facts.put(patient, new PatientFacts(
                    assessed == null ? PatientFacts.NOT_RECORDED_TEXT : assessed.levelWords() + on(assessed, today),
                    assessed == null ? null : assessed.level(),
                    assessed == null ? PatientFacts.NOT_RECORDED_TEXT : assessed.criteriaWords() + on(assessed, today),
                    status == null ? "None recorded" : status.words(), taskWords(openTasks.get(patient)),
                    results.containsKey(patient) ? results.get(patient).words() : "None outstanding",
                    reconciled.getOrDefault(patient, PatientFacts.NOT_RECORDED_TEXT)));
        }
        return facts;
    }

    @Override
    public Map<PatientId, Integer> acuityRanks(Collection<PatientId> patients) {
        return acuity.latestLevels(patients);
    }

    /** Nothing when assessed today, else the day it was: an old assessment must not pass for today's. */
    private static String on(LatestAcuity assessed, LocalDate today) {
        return assessed.assessedOn().equals(today) ? ""
                : " (assessed " + DateWords.dayOfMonth(assessed.assessedOn()) + ")";
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
