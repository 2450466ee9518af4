package org.homeward.visit.routing.bench;

import static org.homeward.visit.routing.RoutingConstraints.BALANCED_WORKLOAD;
import static org.homeward.visit.routing.RoutingConstraints.CONTINUITY;
import static org.homeward.visit.routing.RoutingConstraints.MAX_TARDINESS;
import static org.homeward.visit.routing.RoutingConstraints.STAFF_USED;
import static org.homeward.visit.routing.RoutingConstraints.TARDINESS;
import static org.homeward.visit.routing.RoutingConstraints.TIME_WINDOW;
import static org.homeward.visit.routing.RoutingConstraints.TRAVEL_TIME;
import static org.homeward.visit.routing.RoutingConstraints.URGENT_EARLIEST;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.visit.routing.Location;
import org.homeward.visit.routing.MatrixTravel;
import org.homeward.visit.routing.RouteEvaluation;
import org.homeward.visit.routing.RoutePlan;
import org.homeward.visit.routing.Staff;
import org.homeward.visit.routing.Visit;

/**
 * A Mankowska, Meisel and Bierwirth (2014) HHCRSP instance and its mapping onto the product's planning model.
 * Nodes 0 and {@code nodes - 1} are the depot (start and end); the others are patients. Each service a patient needs
 * becomes a visit requiring that service as a skill; a patient needing two services gets two visits, together
 * (simultaneous) when the minimum gap is 0, otherwise the second (higher service index) starting between the minimum
 * and maximum gap after the first. Caregivers become staff with the services they are qualified for. Time windows
 * bound the start; lateness is allowed and costs, as in the published objective. Travel time equals the given
 * distance matrix, in minutes.
 *
 * @param requires node x service, 1 where the node needs the service
 * @param qualified caregiver x service, 1 where the caregiver may give it
 * @param distance node x node travel time and distance
 * @param processing node x service duration (the files repeat it per caregiver, identically)
 */
record HhcrspInstance(String name, int nodes, int caregivers, int services, int[][] requires, Set<Integer> doubleService,
        int[][] qualified, double[] x, double[] y, double[][] distance, double[][] processing, double[] minGap,
        double[] maxGap, double[] windowStart, double[] windowEnd) {

    /** (total travel + total tardiness + maximum tardiness) / 3, the weights of the published best-known values. */
    static final Map<String, HardMediumSoftLongScore> OBJECTIVE = Map.of(
            TIME_WINDOW, HardMediumSoftLongScore.ZERO,
            TRAVEL_TIME, HardMediumSoftLongScore.ONE_SOFT,
            TARDINESS, HardMediumSoftLongScore.ONE_SOFT,
            MAX_TARDINESS, HardMediumSoftLongScore.ONE_SOFT,
            STAFF_USED, HardMediumSoftLongScore.ZERO,
            CONTINUITY, HardMediumSoftLongScore.ZERO,
            BALANCED_WORKLOAD, HardMediumSoftLongScore.ZERO,
            URGENT_EARLIEST, HardMediumSoftLongScore.ZERO);

    private static final long MILLIS_PER_MINUTE = 60_000;

    List<Integer> servicesOf(int node) {
        List<Integer> needed = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            if (requires[node][s] == 1) {
                needed.add(s);
            }
        }
        return needed;
    }

    boolean simultaneous(int node) {
        return doubleService.contains(node) && minGap[node] <= 0.001;
    }

    RoutePlan toPlan() {
        Location start = location(0);
        Location end = location(nodes - 1);
        List<Staff> staff = new ArrayList<>();
        for (int v = 0; v < caregivers; v++) {
            Set<String> skills = new HashSet<>();
            for (int s = 0; s < services; s++) {
                if (qualified[v][s] == 1) {
                    skills.add(skill(s));
                }
            }
            staff.add(Staff.builder("caregiver-" + v).startsAt(start).endsAt(end).skills(skills).build());
        }
        List<Visit> visits = new ArrayList<>();
        for (int node = 1; node < nodes - 1; node++) {
            List<Visit> ofNode = new ArrayList<>();
            for (int s : servicesOf(node)) {
                ofNode.add(Visit.builder("n" + node + "-s" + s).patient("n" + node).at(location(node))
                        .lasting(minutes(processing[node][s])).requires(skill(s))
                        .window(minutes(windowStart[node]), minutes(windowEnd[node])).build());
            }
            if (ofNode.size() == 2) {
                if (simultaneous(node)) {
                    Visit.together(ofNode.get(0), ofNode.get(1));
                } else {
                    Visit.startsAfter(ofNode.get(1), ofNode.get(0), minutes(minGap[node]), minutes(maxGap[node]));
                }
            }
            visits.addAll(ofNode);
        }
        return RoutePlan.withExactWeights(name, MatrixTravel.timeEqualsDistance("HHCRSP matrix (minutes)", distance),
                staff, visits, OBJECTIVE);
    }

    /** The published objective of an evaluated plan, in minutes. */
    static double objective(RouteEvaluation evaluation) {
        return (evaluation.totalDistance() + evaluation.totalOutsideWindowMillis() / (double) MILLIS_PER_MINUTE
                + evaluation.maxOutsideWindowMillis() / (double) MILLIS_PER_MINUTE) / 3.0;
    }

    private Location location(int node) {
        return Location.plane(node, x[node], y[node]);
    }

    private static String skill(int service) {
        return "s" + service;
    }

    private static long minutes(double minutes) {
        return Math.round(minutes * MILLIS_PER_MINUTE);
    }
}
