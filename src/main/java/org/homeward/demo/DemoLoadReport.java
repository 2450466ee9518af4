package org.homeward.demo;

import java.time.Duration;
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
                plan.interventions(), plan.shifts().size());
    }
}
