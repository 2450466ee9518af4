package org.homeward.demo;

import java.time.Duration;
import java.util.List;
import org.homeward.demo.EpisodePlan.Stage;

/** What a load wrote and how long it took. */
record DemoLoadReport(DemoPlan plan, Duration took) {

    String summary() {
        return String.format("%d organisations, %d users, %d wards (%d beds), %d patients: %d admitted now, "
                        + "%d discharged in the last 60 days, %d declined, %d awaiting triage, %d awaiting admission; "
                        + "%d home-visit interventions, %d shifts today and tomorrow",
                plan.organisations().size(), plan.staff().size(), plan.wardCopies().size(), plan.beds(),
                plan.episodes().size(), plan.count(Stage.ADMITTED), plan.count(Stage.DISCHARGED),
                plan.count(Stage.DECLINED), plan.count(Stage.AWAITING_TRIAGE), plan.count(Stage.AWAITING_ADMISSION),
                plan.interventions(), plan.shifts().size()) + roundsAndTasks();
    }

    /** Today's acuity, the week of board rounds and the tasks: worked out again from the plan, which is cheap. */
    private String roundsAndTasks() {
        List<DemoBoardRounds.Reviewed> reviews = DemoBoardRounds.plan(plan);
        return String.format("; today's acuity of the %d admitted now; a board round on every ward on each of the %d "
                        + "days before today (%d reviews, %d actions made tasks, most done); tasks set by hand for the "
                        + "pharmacist, the GP and the coordinators", DemoAcuity.plan(plan).size(), DemoBoardRounds.DAYS,
                reviews.size(), reviews.stream().mapToInt(r -> r.actions().size()).sum());
    }
}
