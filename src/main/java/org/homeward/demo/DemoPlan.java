package org.homeward.demo;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Everything the demo service consists of, decided before anything is written: a pure value, so tests can check it
 * without Spring and the loader only has to replay it through the services.
 *
 * @param now the moment the plan was made for; every planned time is before it
 * @param scale how many times the standard demo service's beds and journeys (1 unless a benchmark asks for more)
 */
record DemoPlan(ZonedDateTime now, List<DemoOrganisation> organisations, List<DemoLogin> staff,
        List<DemoWard> wards, List<EpisodePlan> episodes, int scale) {

    long count(EpisodePlan.Stage stage) {
        return episodes.stream().filter(e -> e.stage() == stage).count();
    }

    long count(EpisodePlan.Stage stage, DemoWard ward) {
        return episodes.stream().filter(e -> e.stage() == stage && e.ward() == ward).count();
    }

    int beds() {
        return wards.stream().mapToInt(DemoWard::beds).sum() * scale;
    }
}
