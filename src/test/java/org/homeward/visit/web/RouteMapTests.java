package org.homeward.visit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.homeward.visit.web.DayTimelineTests.LONDON;
import static org.homeward.visit.web.DayTimelineTests.shift;
import static org.homeward.visit.web.DayTimelineTests.visit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.careplan.InterventionKind;
import org.homeward.patient.HomeLocation;
import org.homeward.rota.StaffShift;
import org.homeward.shared.PatientId;
import org.homeward.visit.PlannedVisit;
import org.homeward.visit.web.RouteMap.Point;
import org.homeward.visit.web.RouteMap.Projection;
import org.homeward.visit.web.RouteMap.Route;
import org.junit.jupiter.api.Test;

/**
 * The route map's projection and drawing, checked by hand on an 800 by 500 picture with a 40 margin: the box from
 * 50N 2W to 51N 1W is 0.636078 of a degree wide once longitude is shrunk by cos(50.5 degrees) and 1 degree high, so
 * the height limits the scale to 420 per degree and the box is centred across.
 */
class RouteMapTests {

    @Test
    void projectsEquirectangularlyWithTheMiddleLatitudesCosineAndFitsTheBoxInsideTheMargin() {
        Projection projection = Projection.fit(List.of(new double[] {50, -2}, new double[] {51, -1}), 800, 500, 40);

        assertThat(projection.cosLatitude()).isCloseTo(0.636078, within(1e-6));
        assertThat(projection.scale()).isCloseTo(420, within(1e-9));
        assertThat(projection.at(50, -2)).isEqualTo(new Point(266.4, 460));
        assertThat(projection.at(51, -1)).isEqualTo(new Point(533.6, 40));
        assertThat(projection.at(50.5, -1.5)).isEqualTo(new Point(400, 250));
    }

    @Test
    void aWideBoxIsLimitedByItsWidthAndASinglePlaceSitsInTheMiddle() {
        // middle latitude 60N: cos is 0.5, so 4 degrees of longitude is 2 wide; 720 / 2 = 360 per degree; the box
        // is 0.1 degree high, 36, centred down: top at 40 + (420 - 36) / 2 = 232
        Projection wide = Projection.fit(List.of(new double[] {59.95, 0}, new double[] {60.05, 4}), 800, 500, 40);
        assertThat(wide.scale()).isCloseTo(360, within(1e-6));
        assertThat(wide.at(59.95, 0)).isEqualTo(new Point(40, 268));
        assertThat(wide.at(60.05, 4)).isEqualTo(new Point(760, 232));

        Projection single = Projection.fit(List.<double[]>of(new double[] {50.7, -2.4}), 800, 500, 40);
        assertThat(single.at(50.7, -2.4)).isEqualTo(new Point(400, 250));
    }

    @Test
    void drawsEachRouteFromItsStartThroughItsVisitsInOrderBackToItsEnd() {
        PatientId smith = PatientId.random();
        PatientId jones = PatientId.random();
        Map<PatientId, HomeLocation> homes = Map.of(smith, new HomeLocation(smith, 51, -1),
                jones, new HomeLocation(jones, 50.5, -1.5));
        StaffShift ada = shift("Nurse Ada", "2026-01-15T08:00:00Z", "2026-01-15T16:00:00Z", 0);
        List<PlannedVisit> visits = List.of(
                visit(ada, 2, jones, InterventionKind.BLOODS, "11:00", "11:00", "11:20", "11:00", "12:00"),
                visit(ada, 1, smith, InterventionKind.IV_ANTIBIOTIC_DOSE, "09:00", "09:00", "09:45", "09:00", "10:00"));

        RouteMap map = RouteMap.of(StaffRoute.of(List.of(ada), visits), homes,
                Map.of(smith, "SMITH, Jane", jones, "JONES, Ann"), LONDON);

        Route route = map.routes().get(0);
        assertThat(route.points()).containsExactly(new Point(266.4, 460), new Point(533.6, 40), new Point(400, 250),
                new Point(266.4, 460));
        assertThat(route.svgPoints()).isEqualTo("266.4,460.0 533.6,40.0 400.0,250.0 266.4,460.0");
        assertThat(route.markers()).extracting(RouteMap.Marker::number).containsExactly(1, 2);
        assertThat(route.markers().get(0).label()).isEqualTo("Nurse Ada, visit 1: 09:00 IV antibiotic dose, SMITH, Jane");
        assertThat(route.label()).isEqualTo("Route of Nurse Ada: 2 visits, from the start location and back");
        assertThat(route.legend()).isEqualTo("Nurse Ada (2 visits)");
        assertThat(map.homes()).extracting(RouteMap.Place::label).containsExactly("SMITH, Jane", "JONES, Ann");
        assertThat(map.homes().get(0).labelAt()).as("near the right edge, the name runs left")
                .isEqualTo(new Point(521.6, 64));
        assertThat(map.homes().get(0).anchor()).isEqualTo("end");
        assertThat(map.homes().get(1).labelAt()).isEqualTo(new Point(412, 274));
        assertThat(map.homes().get(1).anchor()).isEqualTo("start");
    }

    @Test
    void twoStaffAtOneHomeGetMarkersSideBySideNotOnTopOfEachOther() {
        PatientId hoist = PatientId.random();
        Map<PatientId, HomeLocation> homes = Map.of(hoist, new HomeLocation(hoist, 51, -1));
        StaffShift ada = shift("Nurse Ada", "2026-01-15T08:00:00Z", "2026-01-15T16:00:00Z", 0);
        StaffShift bea = shift("Nurse Bea", "2026-01-15T08:00:00Z", "2026-01-15T16:00:00Z", 0);
        List<PlannedVisit> visits = List.of(
                visit(ada, 1, hoist, InterventionKind.OBSERVATIONS, "09:00", "09:00", "09:20", "09:00", "10:00"),
                visit(bea, 1, hoist, InterventionKind.OBSERVATIONS, "09:00", "09:00", "09:20", "09:00", "10:00"));

        RouteMap map = RouteMap.of(StaffRoute.of(List.of(ada, bea), visits), homes, Map.of(), LONDON);

        Point first = map.routes().get(0).markers().get(0).at();
        Point second = map.routes().get(1).markers().get(0).at();
        assertThat(second).isEqualTo(new Point(first.x() + RouteMap.MARKER_STEP, first.y()));
        assertThat(map.routes().get(1).points()).contains(first);
        assertThat(map.routes()).extracting(Route::colour).doesNotHaveDuplicates();
        assertThat(map.homes()).hasSize(1);
    }

    @Test
    void staffBeyondThePaletteReuseAColourWithADashSoNoTwoRoutesLookAlike() {
        List<StaffShift> shifts = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            shifts.add(shift("Nurse " + i, "2026-01-15T08:00:00Z", "2026-01-15T16:00:00Z", 0));
        }
        RouteMap map = RouteMap.of(StaffRoute.of(shifts, List.of()), Map.of(), Map.of(), LONDON);

        Set<String> looks = new HashSet<>();
        map.routes().forEach(r -> assertThat(looks.add(r.colour() + "/" + r.dash())).as(r.staffName()).isTrue());
        assertThat(map.routes().get(0).dash()).isEmpty();
        assertThat(map.routes().get(StaffPalette.COLOURS.size()).colour()).isEqualTo(map.routes().get(0).colour());
        assertThat(map.routes().get(StaffPalette.COLOURS.size()).dash()).isNotEmpty();
        assertThat(map.routes().get(0).points()).hasSize(2);
    }

    @Test
    void everyStaffColourHasAtLeastThreeToOneContrastAgainstWhite() {
        Map<String, Double> contrast = new HashMap<>();
        StaffPalette.COLOURS.forEach(c -> contrast.put(c, 1.05 / (luminance(c) + 0.05)));
        assertThat(contrast.values()).allSatisfy(ratio -> assertThat(ratio).isGreaterThanOrEqualTo(3.0));
        assertThat(StaffPalette.COLOURS).doesNotHaveDuplicates();
    }

    /** WCAG 2 relative luminance of a #RRGGBB colour. */
    private static double luminance(String hex) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            linear[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }
}
