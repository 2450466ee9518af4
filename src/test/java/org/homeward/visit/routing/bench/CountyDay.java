package org.homeward.visit.routing.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.homeward.visit.routing.Location;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.Staff;
import org.homeward.visit.routing.StaffBreak;
import org.homeward.visit.routing.StraightLineTravel;
import org.homeward.visit.routing.Visit;

/**
 * A county-sized Hospital at Home day made up from a fixed seed: 40 staff at four bases in Dorset (Dorchester,
 * Bridport, Blandford, Wareham) and 300 visits to patients living around those towns, with the product's default
 * travel model. Per base: four IV nurses 08:00-16:00, two 12:00-20:00, two children's nurses (also IV) and an HCA
 * 08:00-16:00, a physiotherapist 09:00-17:00; everyone has a 30-minute break (early shifts from 12:00 to 13:30, the late one from 14:30 to 15:30) and at most 12 visits. Visits: 40
 * patients on IV antibiotics twice in the day, five hours apart, the first due at 09:00, 10:00, 11:00 or 12:00 (+- 30
 * minutes each), 40 bloods before the 11:00 lab cut-off, 80
 * reviews, 10 nebulisers each followed 60-120 minutes later by a response check, 20 children with phototherapy
 * checks morning and afternoon, 20 physiotherapy sessions and 10 hoist transfers needing two staff.
 */
final class CountyDay {

    private static final double[][] TOWNS = {
        {50.7154, -2.4397}, {50.7336, -2.7584}, {50.8560, -2.1649}, {50.6862, -2.1101}};
    private static final long MINUTE = 60_000;

    private final Random random = new Random(2026);
    private final List<Visit> visits = new ArrayList<>();
    private int nextLocation = TOWNS.length;
    private int nextPatient = 1;

    private CountyDay() {
    }

    static RoutePlan plan() {
        return new CountyDay().build();
    }

    static long at(int hours, int minutes) {
        return (hours * 60L + minutes) * MINUTE;
    }

    private RoutePlan build() {
        List<Staff> staff = new ArrayList<>();
        for (int town = 0; town < TOWNS.length; town++) {
            Location base = Location.geographic(town, TOWNS[town][0], TOWNS[town][1]);
            for (int i = 1; i <= 4; i++) {
                staff.add(member("t" + town + "-iv-early-" + i, base, at(8, 0), at(16, 0), "IV"));
            }
            for (int i = 1; i <= 2; i++) {
                staff.add(member("t" + town + "-iv-late-" + i, base, at(12, 0), at(20, 0), "IV"));
                staff.add(member("t" + town + "-childrens-" + i, base, at(8, 0), at(16, 0), "IV", "paediatric"));
            }
            staff.add(member("t" + town + "-hca", base, at(8, 0), at(16, 0)));
            staff.add(member("t" + town + "-physio", base, at(9, 0), at(17, 0), "physio"));
        }
        for (int i = 0; i < 40; i++) {
            Location home = home();
            String patient = patient();
            long due = at(9 + i % 4, 0);
            visits.add(visit(patient + "-iv-am", patient, home, 30, due - 30 * MINUTE, due + 30 * MINUTE)
                    .requires("IV").build());
            long dueAgain = due + 5 * 60 * MINUTE;
            visits.add(visit(patient + "-iv-pm", patient, home, 30, dueAgain - 30 * MINUTE, dueAgain + 30 * MINUTE)
                    .requires("IV").build());
        }
        for (int i = 0; i < 40; i++) {
            String patient = patient();
            visits.add(visit(patient + "-bloods", patient, home(), 15, at(8, 0), at(11, 0)).build());
        }
        for (int i = 0; i < 80; i++) {
            String patient = patient();
            visits.add(visit(patient + "-review", patient, home(), 30, at(8, 0), at(18, 0)).build());
        }
        for (int i = 0; i < 10; i++) {
            Location home = home();
            String patient = patient();
            Visit nebuliser = visit(patient + "-neb", patient, home, 20, at(9, 0), at(13, 0)).build();
            Visit check = visit(patient + "-neb-check", patient, home, 15, at(9, 0), at(16, 0)).build();
            Visit.startsAfter(check, nebuliser, 60 * MINUTE, 120 * MINUTE);
            visits.add(nebuliser);
            visits.add(check);
        }
        for (int i = 0; i < 20; i++) {
            Location home = home();
            String patient = patient();
            visits.add(visit(patient + "-photo-am", patient, home, 20, at(9, 0), at(11, 0)).requires("paediatric")
                    .build());
            visits.add(visit(patient + "-photo-pm", patient, home, 20, at(14, 0), at(16, 0)).requires("paediatric")
                    .build());
        }
        for (int i = 0; i < 20; i++) {
            String patient = patient();
            visits.add(visit(patient + "-physio", patient, home(), 45, at(9, 0), at(17, 0)).requires("physio").build());
        }
        for (int i = 0; i < 10; i++) {
            Location home = home();
            String patient = patient();
            Visit hoist = visit(patient + "-hoist", patient, home, 30, at(10, 0), at(15, 0)).build();
            Visit helper = visit(patient + "-hoist-2", patient, home, 30, at(10, 0), at(15, 0)).build();
            Visit.together(hoist, helper);
            visits.add(hoist);
            visits.add(helper);
        }
        return new RoutePlan("county day", StraightLineTravel.byRoadWithDefaults(), staff, visits);
    }

    /**
     * A new home around a random town, about 6 km (one standard deviation) from its centre and at most 15 km away,
     * the reach of a base in a day that starts at 08:00 with visits due from 08:30.
     */
    Location home() {
        double[] town = TOWNS[random.nextInt(TOWNS.length)];
        double north;
        double east;
        do {
            north = random.nextGaussian() * 6;
            east = random.nextGaussian() * 6;
        } while (Math.hypot(north, east) > 15);
        return Location.geographic(nextLocation++, town[0] + north / 111.2, town[1] + east / 70.4);
    }

    private String patient() {
        return String.format("p%03d", nextPatient++);
    }

    private static Staff member(String id, Location base, long shiftStart, long shiftEnd, String... skills) {
        // early shifts break 12:00-13:30; the late shift 14:30-15:30, before its busiest hours
        long breakFrom = shiftStart >= at(12, 0) ? at(14, 30) : at(12, 0);
        StaffBreak lunch = new StaffBreak(breakFrom, breakFrom + 60 * MINUTE + (shiftStart >= at(12, 0) ? 0 : 30 * MINUTE),
                30 * MINUTE);
        return Staff.builder(id).startsAt(base).shift(shiftStart, shiftEnd).skills(skills).staffBreak(lunch)
                .maxVisits(12).build();
    }

    private static Visit.Builder visit(String id, String patient, Location home, int minutes, long from, long to) {
        return Visit.builder(id).patient(patient).at(home).lasting(minutes * MINUTE).window(from, to);
    }

    /** The urgent visit of the re-planning run: an IV dose after an alert, due within two hours of {@code now}. */
    static Visit urgentVisit(long now) {
        return Visit.builder("urgent-iv").patient("p999").description("IV antibiotic after an alert")
                .at(Location.geographic(999, 50.7300, -2.3900)).lasting(30 * MINUTE).requires("IV")
                .window(now, now + 120 * MINUTE).urgent().build();
    }
}
