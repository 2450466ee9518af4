package org.homeward.demo;

import static org.homeward.referral.Intervention.OXYGEN;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.homeward.patient.PatientService;
import org.homeward.security.CurrentUser;
import org.homeward.security.UserAccount;
import org.homeward.shared.OrganisationId;
import org.homeward.shared.PatientId;
import org.homeward.task.NewTask;
import org.homeward.task.TaskAssignee;
import org.homeward.task.TaskOrigin;
import org.homeward.task.TaskPriority;
import org.homeward.task.TaskService;

/**
 * Tasks set by hand, so each role's worklist has work today: the pharmacist reconciles the medicines of the adults
 * admitted today or yesterday on the frailty and respiratory ward and of the newest child; the GP of the federation
 * reviews repeat prescriptions before the discharge of two frail patients whose care team includes the federation;
 * the coordinators arrange equipment (a profiling bed for a frail patient, home oxygen for a child). Due today or
 * tomorrow, routine or high; none is overdue, because a task set by hand is due in the future (the overdue routine one
 * on the coordinators' worklist comes from yesterday's board round, see {@link DemoBoardRounds}). None is about a
 * heart failure patient, whose board the heart failure consultant's morning round starts from a clean slate.
 */
final class DemoTasks {

    /** How many newly admitted adults the pharmacist reconciles. */
    static final int RECONCILIATIONS = 3;

    private DemoTasks() {
    }

    static void write(TaskService tasks, PatientService patients, DemoPlan plan, Map<String, UserAccount> staff,
            List<PatientId> ids, OrganisationId gpFederation) {
        ZonedDateTime now = plan.now();
        LocalDate today = now.toLocalDate();
        Instant tomorrowNoon = today.plusDays(1).atTime(LocalTime.NOON).atZone(now.getZone()).toInstant();
        Instant tomorrowEvening = today.plusDays(1).atTime(17, 0).atZone(now.getZone()).toInstant();
        List<DemoStay> current = DemoStay.of(plan).stream().filter(DemoStay::current).toList();

        List<DemoStay> newAdults = current.stream().filter(s -> s.ward() == DemoWard.FRAILTY_RESPIRATORY)
                .filter(s -> s.dayOfStay(today) <= 2).limit(RECONCILIATIONS).toList();
        for (int i = 0; i < newAdults.size(); i++) {
            DemoStay stay = newAdults.get(i);
            set(tasks, staff, stay.nurse(), ids.get(stay.episode()), "Medicines reconciliation: newly admitted",
                    "Reconcile the medicines with the GP record and the hospital's prescription; check for "
                            + "interactions with the treatment started at home.", "pharmacist",
                    i == 0 ? tomorrowNoon : null, i == 0 ? TaskPriority.HIGH : TaskPriority.ROUTINE);
        }
        current.stream().filter(DemoStay::child).filter(s -> s.dayOfStay(today) <= 2).findFirst()
                .ifPresent(stay -> set(tasks, staff, stay.nurse(), ids.get(stay.episode()),
                        "Medicines reconciliation: newly admitted child",
                        "Check the doses against today's weight and the parents' understanding of each medicine.",
                        "pharmacist", tomorrowEvening, TaskPriority.ROUTINE));

        current.stream().filter(s -> s.ward() == DemoWard.FRAILTY_RESPIRATORY)
                .filter(s -> !s.plan().admission().estimatedDischargeDate().isBefore(today))
                .filter(s -> patients.careTeamOrganisations(ids.get(s.episode())).contains(gpFederation))
                .sorted(java.util.Comparator.comparing(s -> s.plan().admission().estimatedDischargeDate()))
                .limit(2).forEach(stay -> set(tasks, staff, stay.consultant(), ids.get(stay.episode()),
                        "Review repeat prescriptions before discharge",
                        "Medicines were changed on the virtual ward; please update the repeat prescriptions before "
                                + "the discharge summary reaches the practice.", "gp", tomorrowEvening,
                        TaskPriority.ROUTINE));

        current.stream().filter(s -> s.ward() == DemoWard.FRAILTY_RESPIRATORY && s.is("fall")).findFirst()
                .ifPresent(stay -> set(tasks, staff, stay.nurse(), ids.get(stay.episode()),
                        "Arrange a profiling bed and pressure-relieving mattress",
                        "Struggling with transfers; the carer cannot help from a low divan. Community equipment "
                                + "service, delivery before the evening visit.", "coordinator", tomorrowNoon,
                        TaskPriority.HIGH));
        current.stream().filter(s -> s.child() && s.needs(OXYGEN)).findFirst()
                .ifPresent(stay -> set(tasks, staff, stay.nurse(), ids.get(stay.episode()),
                        "Arrange the home oxygen risk assessment",
                        "Oxygen at home overnight: the supplier's fire safety visit and a second cylinder for "
                                + "outings.", "coordinator2", null, TaskPriority.ROUTINE));
    }

    private static void set(TaskService tasks, Map<String, UserAccount> staff, String by, PatientId patient,
            String title, String detail, String assignee, Instant dueAt, TaskPriority priority) {
        tasks.create(CurrentUser.of(staff.get(by)), new NewTask(patient, title, detail, TaskAssignee.person(assignee),
                dueAt, priority, TaskOrigin.BY_HAND, null));
    }
}
