package org.homeward.visit.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TravelModelTests {

    private static final Location LONDON = Location.geographic(0, 51.5074, -0.1278);
    private static final Location PARIS = Location.geographic(1, 48.8566, 2.3522);

    @Test
    void measuresTheGreatCircleDistanceBetweenLatitudesAndLongitudes() {
        // London to Paris is about 343.5 km on the great circle (haversine, mean Earth radius 6371.0088 km)
        StraightLineTravel plain = StraightLineTravel.byRoad(1.0, 60);

        assertThat(plain.distance(LONDON, PARIS)).isCloseTo(343.557, within(0.001));
        // 343.5565 km at 60 km/h = 5.7259 h = 20,613,392 ms
        assertThat(plain.travelMillis(LONDON, PARIS)).isEqualTo(20_613_392L);
        assertThat(plain.distance(PARIS, LONDON)).isEqualTo(plain.distance(LONDON, PARIS));
        assertThat(plain.travelMillis(LONDON, LONDON)).isZero();
    }

    @Test
    void stretchesTheLineByTheRoadFactorAndDrivesAtTheAverageSpeed() {
        // Dorchester to Bridport: 22.525 km in a straight line, x 1.3 = 29.283 km by road, at 40 km/h = 43.92 min
        Location dorchester = Location.geographic(0, 50.7154, -2.4397);
        Location bridport = Location.geographic(1, 50.7336, -2.7584);
        StraightLineTravel defaults = StraightLineTravel.byRoadWithDefaults();

        assertThat(defaults.distance(dorchester, bridport)).isCloseTo(29.2825, within(0.0001));
        assertThat(defaults.travelMillis(dorchester, bridport)).isEqualTo(2_635_427L);
        assertThat(defaults.name()).isEqualTo("straight line (haversine) x 1.30 road factor at 40 km/h");
    }

    @Test
    void travelsPlaneCoordinatesAtOneUnitAMinuteForBenchmarks() {
        StraightLineTravel plane = StraightLineTravel.planeOneUnitPerMinute();
        Location origin = Location.plane(0, 0, 0);
        Location threeFour = Location.plane(1, 3, 4);

        assertThat(plane.distance(origin, threeFour)).isEqualTo(5.0);
        assertThat(plane.travelMillis(origin, threeFour)).isEqualTo(5 * 60_000L);
        assertThat(plane.name()).contains("euclidean");
    }

    @Test
    void refusesRoadsShorterThanTheLineAndSpeedsThatGoNowhere() {
        assertThatThrownBy(() -> StraightLineTravel.byRoad(0.9, 40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("road factor");
        assertThatThrownBy(() -> StraightLineTravel.byRoad(1.3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed");
        assertThatThrownBy(() -> Location.geographic(0, 91, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAMatrixByLocationIndexInMinutes() {
        double[][] minutes = {{0, 12.5}, {13.25, 0}};
        double[][] kilometres = {{0, 9}, {9.5, 0}};
        MatrixTravel matrix = new MatrixTravel("routing engine export", minutes, kilometres);
        Location a = Location.plane(0, 0, 0);
        Location b = Location.plane(1, 5, 5);

        assertThat(matrix.travelMillis(a, b)).isEqualTo(750_000L);
        assertThat(matrix.travelMillis(b, a)).isEqualTo(795_000L);
        assertThat(matrix.distance(b, a)).isEqualTo(9.5);
        assertThat(matrix.name()).isEqualTo("routing engine export");
        assertThatThrownBy(() -> matrix.travelMillis(a, Location.plane(2, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> new MatrixTravel("ragged", new double[][] {{0, 1}, {1}}, kilometres))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPlanNamesTheTravelModelItsTimesComeFrom() {
        RoutePlan plan = new RoutePlan("named", StraightLineTravel.byRoadWithDefaults(), java.util.List.of(
                Staff.builder("n1").startsAt(LONDON).build()), java.util.List.of());

        assertThat(plan.travelModelName()).isEqualTo("straight line (haversine) x 1.30 road factor at 40 km/h");
        assertThat(RouteEvaluator.evaluate(plan).travelModelName()).isEqualTo(plan.travelModelName());
    }
}
