package org.homeward.visit.routing;

/**
 * How long it takes to get from one location to another: the one interface every route calculation goes through, so
 * a service can change its model (straight line, a matrix from a routing engine) without touching the solver.
 */
public interface TravelTimeModel {

    /** A name a person can read, reported with every plan so nobody mistakes an estimate for a road network. */
    String name();

    long travelMillis(Location from, Location to);

    /** Distance in the model's unit: kilometres for geographic models, the instance's own unit for benchmarks. */
    double distance(Location from, Location to);
}
