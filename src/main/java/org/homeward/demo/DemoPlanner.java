package org.homeward.demo;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.homeward.rota.AddShift;

/**
 * Decides the whole demo service from a seed and the current time, without touching the database. The numbers per
 * ward follow a busy county service: about 80% of beds occupied, two months of discharges behind them, a few declined
 * referrals, and some referrals waiting for triage or a bed right now; the current patients' home visits and the
 * visiting team's shifts for today and tomorrow.
 */
final class DemoPlanner {

    /** The demo's fixed seed: the same service on every machine and every fresh start. */
    static final long SEED = 20_261_123L;

    /** How many journeys of each kind a ward gets. */
    record WardTargets(int current, int discharged, int declined, int awaitingTriage, int awaitingAdmission) {
    }

    private DemoPlanner() {
    }

    static WardTargets targets(DemoWard ward) {
        return switch (ward) {
            case FRAILTY_RESPIRATORY -> new WardTargets(48, 80, 8, 3, 1);
            case HEART_FAILURE -> new WardTargets(24, 40, 4, 1, 1);
            case CHILDREN -> new WardTargets(18, 30, 3, 2, 1);
        };
    }

    /** The largest scale: the biggest demo ward then has 900 beds (a ward holds at most 1,000). */
    static final int MAX_SCALE = 15;

    static DemoPlan plan(long seed, ZonedDateTime now) {
        return plan(seed, now, 1);
    }

    /**
     * The demo service, or a service {@code scale} times its size (every ward's beds and journeys multiplied) for
     * benchmarks that need thousands of patients.
     */
    static DemoPlan plan(long seed, ZonedDateTime now, int scale) {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("homeward.demo-scale must be from 1 to " + MAX_SCALE + ", got " + scale);
        }
        DemoEpisodeFactory factory = new DemoEpisodeFactory(new DemoRandom(seed), now);
        List<EpisodePlan> episodes = new ArrayList<>();
        for (DemoWard ward : DemoWard.values()) {
            WardTargets targets = targets(ward);
            add(episodes, targets.discharged() * scale, () -> factory.discharged(ward));
            add(episodes, targets.declined() * scale, () -> factory.declined(ward));
            add(episodes, targets.current() * scale, () -> factory.current(ward));
            add(episodes, targets.awaitingAdmission() * scale, () -> factory.awaitingAdmission(ward));
            add(episodes, targets.awaitingTriage() * scale, () -> factory.awaitingTriage(ward));
        }
        List<DemoLogin> staff = new ArrayList<>(DemoLogins.all());
        staff.addAll(DemoRota.logins(scale));
        // a random of their own, so the visits leave the people and journeys as they were before visits were planned
        List<DemoCarePlans.CarePlan> carePlans = DemoCarePlans.plan(new DemoRandom(seed + 1), episodes, now);
        List<AddShift> shifts = new ArrayList<>(DemoRota.shifts(now.toLocalDate(), scale));
        shifts.addAll(DemoRota.shifts(now.toLocalDate().plusDays(1), scale));
        return new DemoPlan(now, List.of(DemoOrganisation.values()), List.copyOf(staff), List.of(DemoWard.values()),
                List.copyOf(episodes), carePlans, List.copyOf(shifts), scale);
    }

    private static void add(List<EpisodePlan> episodes, int count, Supplier<EpisodePlan> episode) {
        for (int i = 0; i < count; i++) {
            episodes.add(episode.get());
        }
    }
}
