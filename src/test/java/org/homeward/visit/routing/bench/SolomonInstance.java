package org.homeward.visit.routing.bench;

import static org.homeward.visit.routing.RoutingConstraints.BALANCED_WORKLOAD;
import static org.homeward.visit.routing.RoutingConstraints.CONTINUITY;
import static org.homeward.visit.routing.RoutingConstraints.MAX_TARDINESS;
import static org.homeward.visit.routing.RoutingConstraints.STAFF_USED;
import static org.homeward.visit.routing.RoutingConstraints.TARDINESS;
import static org.homeward.visit.routing.RoutingConstraints.URGENT_EARLIEST;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.homeward.visit.routing.Location;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.Staff;
import org.homeward.visit.routing.StraightLineTravel;
import org.homeward.visit.routing.Visit;

/**
 * A Solomon VRPTW instance (row 0 the depot) and its mapping onto the product's planning model: vehicles become staff
 * on a shift from the depot's ready time to its due date with the vehicle capacity; customers become visits with
 * their demand, service time and a window on the service start; one instance unit is one minute and travel time
 * equals the Euclidean distance (one unit a minute).
 */
record SolomonInstance(String name, int vehicles, int capacity, List<Customer> customers) {

    /** One row of the customer table; times in instance units. */
    record Customer(int id, double x, double y, int demand, int readyTime, int dueDate, int serviceTime) {
    }

    /**
     * The Solomon objective is hierarchical, fewest vehicles then least distance: vehicles used are the medium score
     * level, distance (as travel time) the soft level; rules for H@H preferences are switched off.
     */
    static final Map<String, HardMediumSoftLongScore> OBJECTIVE = Map.of(
            STAFF_USED, HardMediumSoftLongScore.ONE_MEDIUM,
            CONTINUITY, HardMediumSoftLongScore.ZERO,
            BALANCED_WORKLOAD, HardMediumSoftLongScore.ZERO,
            URGENT_EARLIEST, HardMediumSoftLongScore.ZERO,
            TARDINESS, HardMediumSoftLongScore.ZERO,
            MAX_TARDINESS, HardMediumSoftLongScore.ZERO);

    private static final long MILLIS_PER_UNIT = 60_000;

    Customer depot() {
        return customers.get(0);
    }

    RoutePlan toPlan() {
        Customer depot = depot();
        Location depotLocation = Location.plane(depot.id(), depot.x(), depot.y());
        List<Staff> staff = new ArrayList<>();
        for (int v = 1; v <= vehicles; v++) {
            staff.add(Staff.builder("vehicle-" + v).startsAt(depotLocation)
                    .shift(depot.readyTime() * MILLIS_PER_UNIT, depot.dueDate() * MILLIS_PER_UNIT)
                    .capacity(capacity).build());
        }
        List<Visit> visits = new ArrayList<>();
        for (Customer customer : customers.subList(1, customers.size())) {
            visits.add(Visit.builder("c" + customer.id())
                    .at(Location.plane(customer.id(), customer.x(), customer.y()))
                    .lasting(customer.serviceTime() * MILLIS_PER_UNIT)
                    .window(customer.readyTime() * MILLIS_PER_UNIT, customer.dueDate() * MILLIS_PER_UNIT)
                    .demand(customer.demand())
                    .build());
        }
        return RoutePlan.withExactWeights(name, StraightLineTravel.planeOneUnitPerMinute(), staff, visits, OBJECTIVE);
    }
}
