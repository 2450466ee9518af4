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

    /**
     * The largest scale: 120 copies of the service's wards (360 wards, 10,800 patients admitted now), enough for the
     * board round benchmark's service of 10,000.
     */
    static final int MAX_SCALE = 120;

    static DemoPlan plan(long seed, ZonedDateTime now) {
        return plan(seed, now, 1);
    }

    /**
     * The demo service, or for benchmarks that need thousands of patients a service {@code scale} times its size:
     * {@code scale} copies of every demo ward ({@link DemoWardCopy}), each with the ward's own beds and journeys, so no
     * ward is bigger than the demo's. Copy 1 of each ward is planned first, exactly as at scale 1.
     */
    static DemoPlan plan(long seed, ZonedDateTime now, int scale) {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("homeward.demo-scale must be from 1 to " + MAX_SCALE + ", got " + scale);
        }
        DemoEpisodeFactory factory = new DemoEpisodeFactory(new DemoRandom(seed), now);
        List<EpisodePlan> episodes = new ArrayList<>();
        for (int copy = 1; copy <= scale; copy++) {
            for (DemoWard ward : DemoWard.values()) {
                WardTargets targets = targets(ward);
                add(episodes, copy, targets.discharged(), () -> factory.discharged(ward));
                add(episodes, copy, targets.declined(), () -> factory.declined(ward));
                add(episodes, copy, targets.current(), () -> factory.current(ward));
                add(episodes, copy, targets.awaitingAdmission(), () -> factory.awaitingAdmission(ward));
                add(episodes, copy, targets.awaitingTriage(), () -> factory.awaitingTriage(ward));
            }
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

    private static void add(List<EpisodePlan> episodes, int copy, int count, Supplier<EpisodePlan> episode) {
        for (int i = 0; i < count; i++) {
            episodes.add(episode.get().onCopy(copy));
        }
    }
}
