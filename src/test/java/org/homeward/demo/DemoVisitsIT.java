package org.homeward.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.homeward.referral.ReferralService;
import org.homeward.referral.WardOccupancy;
import org.homeward.rota.RotaService;
import org.homeward.rota.StaffShift;
import org.homeward.security.CurrentUser;
import org.homeward.security.SecurityService;
import org.homeward.shared.PatientId;
import org.homeward.shared.Skill;
import org.homeward.support.IntegrationTest;
import org.homeward.visit.DayPlan;
import org.homeward.visit.DayPlanService;
import org.homeward.visit.PlannedVisit;
import org.homeward.visit.VisitRequirement;
import org.homeward.visit.VisitService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A loaded demo has home visits to plan: every current patient has interventions due today, the visiting team has
 * shifts today and tomorrow with every skill those visits need, and the coordinator's "Plan the day" for tomorrow
 * places nearly every visit within its window.
 */
@IntegrationTest
class DemoVisitsIT {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoVisitsIT.class);

    /**
     * Measured at demo scale 1 with the test solver limits (2,000 steps, 10 s) on a shared 2-core machine: every
     * visit given to someone, and 226 to 229 of tomorrow's 230 starting within their window (98.3-99.6%; a whole day
     * from today, before plans were made at a moment, gave 236 to 240 of 240-242). Adding a fifth more IV nurses did
     * not change that: what is left late is the solver's short search, not staffing. The solver is not repeatable
     * here (ids are random), so the threshold leaves a margin.
     */
    static final double PLANNED_AT_LEAST = 0.95;

    @Autowired DemoLoader loader;
    @Autowired VisitService visits;
    @Autowired RotaService rota;
    @Autowired DayPlanService dayPlans;
    @Autowired ReferralService referrals;
    @Autowired SecurityService security;
    @Autowired Clock clock;

    DemoLoadReport report;
    CurrentUser coordinator;
    LocalDate today;

    @BeforeEach
    void loadOnce() {
        report = DemoLoadedOnce.load(loader);
        coordinator = CurrentUser.of(security.findUserByUsername("coordinator").orElseThrow());
        today = LocalDate.now(clock);
    }

    @Test
    void everyCurrentPatientHasVisitsDueToday() {
        Set<PatientId> admitted = admittedDemoPatients();
        assertThat(admitted).hasSize(90);
        Set<PatientId> withVisits = visits.requirements(coordinator, today, null).stream()
                .map(VisitRequirement::patientId).collect(Collectors.toSet());
        // care starts at admission: a patient admitted today after their last visit of the day starts tomorrow
        Set<PatientId> startingTomorrow = admitted.stream().filter(p -> !withVisits.contains(p))
                .collect(Collectors.toSet());
        assertThat(referrals.admissionTimes(startingTomorrow).values())
                .allMatch(at -> LocalDate.ofInstant(at, clock.getZone()).equals(today));
        assertThat(visits.requirements(coordinator, today.plusDays(1), null).stream()
                .map(VisitRequirement::patientId).collect(Collectors.toSet())).containsAll(startingTomorrow);
    }

    @Test
    void theVisitingTeamHasShiftsTodayAndTomorrowWithEverySkillTheVisitsNeed() {
        Set<String> demoStaff = report.plan().staff().stream().map(DemoLogin::displayName).collect(Collectors.toSet());
        for (LocalDate day : List.of(today, today.plusDays(1))) {
            List<StaffShift> shifts = rota.shifts(coordinator, day).stream()
                    .filter(s -> demoStaff.contains(s.staffName())).toList();
            assertThat(shifts).as(day.toString()).hasSize(report.plan().shifts().size() / 2);
            Set<Skill> offered = EnumSet.noneOf(Skill.class);
            shifts.forEach(s -> offered.addAll(s.skills()));
            Set<Skill> needed = visits.requirements(coordinator, day, null).stream().map(VisitRequirement::skill)
                    .collect(Collectors.toSet());
            assertThat(offered).as(day.toString()).containsAll(needed);
            assertThat(shifts).allSatisfy(s -> assertThat(s.breakLength().toMinutes()).isEqualTo(30));
        }
    }

    @Test
    void planningTomorrowPlacesNearlyEveryVisitWithinItsWindow() {
        // tomorrow, not today: a plan is made at a moment, and today's visits already past are not planned again
        DayPlan plan = dayPlans.plan(coordinator, today.plusDays(1));

        Set<PatientId> admitted = admittedDemoPatients();
        List<PlannedVisit> demoVisits = plan.visits().stream().filter(v -> admitted.contains(v.patientId())).toList();
        long planned = demoVisits.stream().filter(PlannedVisit::planned).count();
        long onTime = demoVisits.stream().filter(DemoVisitsIT::plannedWithinWindow).count();
        log.info("Demo day plan: {} of {} visits planned, {} within their window; feasible {}, score {}, {} ms",
                planned, demoVisits.size(), onTime, plan.feasible(), plan.score(), plan.solveMillis());
        assertThat(demoVisits).hasSizeGreaterThan(200);
        assertThat((double) planned / demoVisits.size()).isGreaterThanOrEqualTo(PLANNED_AT_LEAST);
        assertThat((double) onTime / demoVisits.size()).isGreaterThanOrEqualTo(PLANNED_AT_LEAST);
    }

    private static boolean plannedWithinWindow(PlannedVisit v) {
        return v.planned() && !v.startsAt().isBefore(v.windowStart()) && !v.startsAt().isAfter(v.windowEnd());
    }

    private Set<PatientId> admittedDemoPatients() {
        CurrentUser commissioner = CurrentUser.of(security.findUserByUsername("commissioner").orElseThrow());
        Set<String> names = EnumSet.allOf(DemoWard.class).stream().map(DemoWard::displayName).collect(Collectors.toSet());
        return referrals.serviceCensus(commissioner).wards().stream().filter(w -> names.contains(w.ward().name()))
                .map(WardOccupancy::ward)
                .flatMap(w -> referrals.census(CurrentUser.of(security.findUserByUsername("consultant").orElseThrow()),
                        w.id()).rows().stream())
                .map(row -> row.patient().id()).collect(Collectors.toSet());
    }
}
