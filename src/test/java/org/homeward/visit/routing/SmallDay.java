package org.homeward.visit.routing;

import static org.homeward.visit.routing.RouteFixtures.at;
import static org.homeward.visit.routing.RouteFixtures.min;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small Hospital at Home day around Dorchester: 4 staff, 20 visits with skills, dose windows, a bloods cut-off, one
 * two-staff visit and one dose followed by a check 60-90 minutes later. Homes are scattered within about 10 km of
 * the base from a fixed seed, so the instance is the same on every run.
 */
final class SmallDay {

    static final Location BASE = Location.geographic(0, 50.7150, -2.4400);

    private SmallDay() {
    }

    static RoutePlan plan() {
        Random random = new Random(42);
        List<Location> homes = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            homes.add(Location.geographic(i, 50.7150 + (random.nextDouble() - 0.5) * 0.18,
                    -2.4400 + (random.nextDouble() - 0.5) * 0.28));
        }
        StaffBreak lunch = new StaffBreak(at(12, 0), at(13, 30), min(30));
        List<Staff> staff = List.of(
                Staff.builder("iv-nurse-1").startsAt(BASE).shift(at(8, 0), at(16, 0)).skills("IV").staffBreak(lunch)
                        .build(),
                Staff.builder("iv-nurse-2").startsAt(BASE).shift(at(8, 0), at(16, 0)).skills("IV").staffBreak(lunch)
                        .build(),
                Staff.builder("childrens-nurse").startsAt(BASE).shift(at(8, 0), at(16, 0)).skills("paediatric")
                        .staffBreak(lunch).build(),
                Staff.builder("physio").startsAt(BASE).shift(at(9, 0), at(17, 0)).skills("physio").maxVisits(6)
                        .staffBreak(lunch).build());

        List<Visit> visits = new ArrayList<>();
        // IV antibiotics 8-hourly: the 08:00 and 16:00 doses +- 30 minutes for three patients (16:00 dose by 16:30
        // would overrun the shifts, so only the morning and a 14:00 dose for the third)
        visits.add(dose("abx-p1-am", "p1", homes.get(0), at(8, 0)));
        visits.add(dose("abx-p2-am", "p2", homes.get(1), at(8, 30)));
        visits.add(dose("abx-p3-am", "p3", homes.get(2), at(9, 0)));
        visits.add(dose("abx-p3-pm", "p3", homes.get(2), at(14, 0)));
        // bloods before the 11:00 lab cut-off
        visits.add(Visit.builder("bloods-p4").patient("p4").at(homes.get(3)).lasting(min(20)).window(at(8, 0), at(11, 0))
                .build());
        visits.add(Visit.builder("bloods-p5").patient("p5").at(homes.get(4)).lasting(min(20)).window(at(8, 0), at(11, 0))
                .build());
        // reviews any time in the day
        for (int i = 5; i <= 9; i++) {
            visits.add(Visit.builder("review-p" + (i + 1)).patient("p" + (i + 1)).at(homes.get(i)).lasting(min(30))
                    .window(at(8, 0), at(15, 30)).build());
        }
        // children: phototherapy checks morning and afternoon
        visits.add(Visit.builder("photo-p11-am").patient("p11").at(homes.get(10)).lasting(min(20)).requires("paediatric")
                .window(at(8, 30), at(10, 30)).build());
        visits.add(Visit.builder("photo-p11-pm").patient("p11").at(homes.get(10)).lasting(min(20)).requires("paediatric")
                .window(at(13, 0), at(15, 0)).build());
        visits.add(Visit.builder("ngfeed-p12").patient("p12").at(homes.get(11)).lasting(min(30)).requires("paediatric")
                .window(at(10, 0), at(12, 0)).build());
        // physiotherapy
        visits.add(Visit.builder("physio-p6").patient("p6").at(homes.get(5)).lasting(min(45)).requires("physio")
                .window(at(9, 0), at(16, 0)).build());
        visits.add(Visit.builder("physio-p13").patient("p13").at(homes.get(12)).lasting(min(45)).requires("physio")
                .window(at(9, 0), at(16, 0)).build());
        // a hoist transfer needing two staff at once
        Visit hoist = Visit.builder("hoist-p14").patient("p14").at(homes.get(13)).lasting(min(30))
                .window(at(10, 0), at(14, 0)).build();
        Visit hoistHelp = Visit.builder("hoist-p14-second").patient("p14").at(homes.get(13)).lasting(min(30))
                .window(at(10, 0), at(14, 0)).build();
        Visit.together(hoist, hoistHelp);
        visits.add(hoist);
        visits.add(hoistHelp);
        // a nebuliser dose and a check of the response 60 to 90 minutes later
        Visit nebuliser = Visit.builder("neb-p7").patient("p7").at(homes.get(6)).lasting(min(20))
                .window(at(9, 0), at(12, 0)).build();
        Visit response = Visit.builder("neb-check-p7").patient("p7").at(homes.get(6)).lasting(min(15)).build();
        Visit.startsAfter(response, nebuliser, min(60), min(90));
        visits.add(nebuliser);
        visits.add(response);
        return new RoutePlan("small day", StraightLineTravel.byRoadWithDefaults(), staff, visits);
    }

    private static Visit dose(String id, String patient, Location home, long due) {
        return Visit.builder(id).patient(patient).at(home).lasting(min(30)).requires("IV")
                .window(due - min(30), due + min(30)).description("IV antibiotic dose").build();
    }
}
