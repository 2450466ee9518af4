package org.homeward.demo;

import java.time.ZonedDateTime;
import java.util.List;
import org.homeward.rota.AddShift;

/**
 * Everything the demo service consists of, decided before anything is written: a pure value, so tests can check it
 * without Spring and the loader only has to replay it through the services.
 *
 * @param now the moment the plan was made for; every planned time is before it
 * @param staff the named demo logins, then the generated visiting staff
 * @param carePlans the home-visit interventions of every patient admitted now
 * @param shifts the visiting team's shifts today and tomorrow
 * @param wards the kinds of demo ward; the service has {@code scale} copies of each ({@link #wardCopies()})
 * @param scale how many copies of each demo ward, each with its beds and journeys (1 unless a benchmark asks for more)
 */
record DemoPlan(ZonedDateTime now, List<DemoOrganisation> organisations, List<DemoLogin> staff,
        List<DemoWard> wards, List<EpisodePlan> episodes, List<DemoCarePlans.CarePlan> carePlans,
        List<AddShift> shifts, int scale) {

    long count(EpisodePlan.Stage stage) {
        return episodes.stream().filter(e -> e.stage() == stage).count();
    }

    long count(EpisodePlan.Stage stage, DemoWard ward) {
        return episodes.stream().filter(e -> e.stage() == stage && e.ward() == ward).count();
    }

    long interventions() {
        return carePlans.stream().mapToLong(c -> c.interventions().size()).sum();
    }

    /** Every ward the service opens: copy 1 of each demo ward, then copy 2 of each, and so on. */
    List<DemoWardCopy> wardCopies() {
        List<DemoWardCopy> copies = new java.util.ArrayList<>(wards.size() * scale);
        for (int copy = 1; copy <= scale; copy++) {
            for (DemoWard ward : wards) {
                copies.add(new DemoWardCopy(ward, copy));
            }
        }
        return copies;
    }

    /** The beds of every ward the service opens. */
    int beds() {
        return wards.stream().mapToInt(DemoWard::beds).sum() * scale;
    }
}
