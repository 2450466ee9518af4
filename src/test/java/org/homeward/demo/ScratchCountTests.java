package org.homeward.demo;

import java.time.*;
import java.util.*;
import org.homeward.visit.*;
import org.junit.jupiter.api.Test;

class ScratchCountTests {
    @Test
    void count() {
        ZonedDateTime now = ZonedDateTime.of(2026, 11, 23, 10, 30, 0, 0, ZoneId.of("Europe/London"));
        DemoPlan plan = DemoPlanner.plan(DemoPlanner.SEED, now, 1);
        List<DemoCarePlans.CarePlan> cps = DemoCarePlans.plan(new DemoRandom(1), plan.episodes(), now);
        Map<String, Integer> bySkill = new TreeMap<>();
        Map<String, Integer> minutesBySkill = new TreeMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> byTown = new TreeMap<>();
        int visits = 0;
        for (var cp : cps) {
            var e = plan.episodes().get(cp.episode());
            byTown.merge(e.patient().details().town(), 1, Integer::sum);
            for (AddIntervention a : cp.interventions()) {
                if (a.startsOn() != null && a.startsOn().isAfter(now.toLocalDate())) continue;
                int n = a.times() == null ? 1 : a.times().size();
                Skill s = a.skill() == null ? a.kind().usualSkill() : a.skill();
                int staff = a.staffNeeded() == null ? 1 : a.staffNeeded();
                int dur = a.durationMinutes() == null ? (int) a.kind().usualDuration().toMinutes() : a.durationMinutes();
                String key = s + (a.times() == null ? " window " + a.windowFrom() : " " + a.times());
                bySkill.merge(key, n * staff, Integer::sum);
                minutesBySkill.merge(s.name(), n * staff * dur, Integer::sum);
                byKind.merge(a.kind().name(), n * staff, Integer::sum);
                visits += n * staff;
                if (a.followUp() != null) { visits += n; byKind.merge("FOLLOWUP", n, Integer::sum); }
            }
        }
        System.out.println("patients " + cps.size() + " visits " + visits);
        bySkill.forEach((k, v) -> System.out.println(k + " = " + v));
        minutesBySkill.forEach((k, v) -> System.out.println("MIN " + k + " = " + v));
        byKind.forEach((k, v) -> System.out.println("KIND " + k + " = " + v));
        byTown.forEach((k, v) -> System.out.println("TOWN " + k + " = " + v));
    }
}
