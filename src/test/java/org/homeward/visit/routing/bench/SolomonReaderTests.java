package org.homeward.visit.routing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.homeward.visit.routing.Location;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.Staff;
import org.homeward.visit.routing.TimeWindow;
import org.homeward.visit.routing.Visit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reads the Solomon files in ../shared/bench/solomon and maps them onto the product's planning model. */
class SolomonReaderTests {

    @ParameterizedTest
    @ValueSource(strings = {"C101", "C201", "R101", "R201", "RC101", "RC201"})
    void readsEveryInstanceWithItsDepotAndOneHundredCustomers(String name) throws Exception {
        SolomonInstance instance = SolomonReader.read(BenchData.solomon(name));

        assertThat(instance.name()).isEqualTo(name);
        assertThat(instance.customers()).hasSize(101);
        assertThat(instance.depot().id()).isZero();
        assertThat(instance.depot().demand()).isZero();
        assertThat(instance.customers()).extracting(SolomonInstance.Customer::id)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(0, 100).boxed().toList());
    }

    @Test
    void readsTheRowsOfC101AsPrinted() throws Exception {
        SolomonInstance c101 = SolomonReader.read(BenchData.solomon("C101"));

        assertThat(c101.vehicles()).isEqualTo(25);
        assertThat(c101.capacity()).isEqualTo(200);
        assertThat(c101.depot()).isEqualTo(new SolomonInstance.Customer(0, 40, 50, 0, 0, 1236, 0));
        assertThat(c101.customers().get(1)).isEqualTo(new SolomonInstance.Customer(1, 45, 68, 10, 912, 967, 90));
        assertThat(c101.customers().get(100)).isEqualTo(new SolomonInstance.Customer(100, 55, 85, 20, 647, 726, 90));
    }

    @Test
    void mapsVehiclesToStaffAndCustomersToVisitsInMinutes() throws Exception {
        RoutePlan plan = SolomonReader.read(BenchData.solomon("R101")).toPlan();

        assertThat(plan.staff()).hasSize(25);
        Staff vehicle = plan.staff().get(0);
        assertThat(vehicle.startLocation()).isEqualTo(Location.plane(0, 35, 35));
        assertThat(vehicle.endLocation()).isEqualTo(vehicle.startLocation());
        assertThat(vehicle.shiftEndMillis()).isEqualTo(230 * 60_000L);
        assertThat(vehicle.capacity()).isEqualTo(200);

        assertThat(plan.visits()).hasSize(100);
        Visit first = plan.visit("c1");
        assertThat(first.location()).isEqualTo(Location.plane(1, 41, 49));
        assertThat(first.windows()).isEqualTo(List.of(new TimeWindow(161 * 60_000L, 171 * 60_000L)));
        assertThat(first.durationMillis()).isEqualTo(10 * 60_000L);
        assertThat(first.demand()).isEqualTo(10);
        // travel time equals distance: depot (35,35) to (41,49) is sqrt(36 + 196) = 15.2315 minutes
        assertThat(plan.travelModel().travelMillis(vehicle.startLocation(), first.location()) / 60_000.0)
                .isCloseTo(15.2315, within(0.0001));
    }
}
