package org.homeward.demo;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.homeward.careplan.AdvanceCarePlan;
import org.homeward.careplan.AgreedWith;
import org.homeward.careplan.ChangeAdvanceCarePlan;
import org.homeward.careplan.ChangeSupportPlan;
import org.homeward.careplan.CprRecommendation;
import org.homeward.careplan.GoalStatus;
import org.homeward.careplan.RespectPriority;
import org.homeward.careplan.SupportPlan;
import org.homeward.careplan.SupportPlanService;
import org.homeward.security.CurrentUser;
import org.homeward.security.UserAccount;
import org.homeward.shared.PatientId;

/**
 * Care and support plans for some of the demo's adults admitted now: every third has one agreed with the community
 * nurse (what matters, goals, an adjustment, the carer's assessment offered); the oldest is in the last weeks of life,
 * with a DNACPR decision and a ReSPECT form prioritising comfort recorded by the consultant, so the banner and the
 * alert board show them.
 */
final class DemoSupportPlans {

    private DemoSupportPlans() {
    }

    static void write(SupportPlanService plans, DemoPlan plan, Map<String, UserAccount> staff, List<PatientId> ids,
            LocalDate today) {
        CurrentUser nurse = CurrentUser.of(staff.get("nurse"));
        CurrentUser consultant = CurrentUser.of(staff.get("consultant"));
        List<Integer> adults = IntStream.range(0, plan.episodes().size())
                .filter(i -> plan.episodes().get(i).stage() == EpisodePlan.Stage.ADMITTED)
                .filter(i -> !plan.episodes().get(i).ward().isPaediatric()).boxed().toList();
        for (int n = 0; n < adults.size(); n += 3) {
            EpisodePlan episode = plan.episodes().get(adults.get(n));
            boolean carer = !episode.patient().carers().isEmpty();
            plans.changeSupportPlan(nurse, ids.get(adults.get(n)), new ChangeSupportPlan(0, new SupportPlan(
                    "To get well enough at home to be back in the garden; not to go back into hospital",
                    List.of(new SupportPlan.Goal("Walk to the end of the garden with a frame", today.plusDays(5),
                                    GoalStatus.IN_PROGRESS),
                            new SupportPlan.Goal("Manage own inhalers and tablets", today.plusDays(7),
                                    GoalStatus.NOT_STARTED)),
                    carer ? AgreedWith.PATIENT_AND_CARER : AgreedWith.PATIENT, today,
                    new SupportPlan.ReasonableAdjustments("Hard of hearing: face them and speak clearly", false, null,
                            null),
                    new SupportPlan.HolisticNeeds(null, "Worried about coping alone at night", null, null),
                    carer ? new SupportPlan.CarersAssessment(true, false, null, null) : null)));
        }
        adults.stream().min(Comparator.comparing(i -> plan.episodes().get(i).patient().details().dateOfBirth()))
                .ifPresent(i -> {
                    PatientId patient = ids.get(i);
                    int version = adults.indexOf(i) % 3 == 0 ? 1 : 0;
                    String who = consultant.displayName();
                    plans.changeAdvanceCarePlan(consultant, patient, new ChangeAdvanceCarePlan(version,
                            new AdvanceCarePlan(new AdvanceCarePlan.Respect(RespectPriority.PRIORITISE_COMFORT,
                                    CprRecommendation.CPR_NOT_RECOMMENDED,
                                    "Treat reversible causes at home (oral antibiotics, fluids); not for hospital "
                                            + "admission; anticipatory medicines prescribed", who, today.minusDays(1)),
                                    new AdvanceCarePlan.Dnacpr(true, who, today.minusDays(1), true, true),
                                    "Home", "Home, with family",
                                    new AdvanceCarePlan.LastWeeksOfLife(true, who, today.minusDays(1)))));
                });
    }
}
