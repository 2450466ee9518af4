package org.homeward.visit.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Travel times of one plan, asked of its {@link TravelTimeModel} once per pair of locations before solving, because
 * the solver asks for them millions of times and a haversine or a matrix look-up through an interface each time
 * would dominate the solving time.
 */
final class TravelMatrix {

    private final long[][] millis;

    private TravelMatrix(long[][] millis) {
        this.millis = millis;
    }

    static TravelMatrix of(TravelTimeModel model, Collection<Location> locations) {
        Map<Integer, Location> byIndex = new HashMap<>();
        int size = 0;
        for (Location location : locations) {
            Location earlier = byIndex.putIfAbsent(location.index(), location);
            if (earlier != null && !earlier.equals(location)) {
                throw new IllegalArgumentException("two different locations share index " + location.index() + ": "
                        + earlier + " and " + location);
            }
            size = Math.max(size, location.index() + 1);
        }
        long[][] millis = new long[size][size];
        for (Location from : byIndex.values()) {
            for (Location to : byIndex.values()) {
                millis[from.index()][to.index()] = model.travelMillis(from, to);
            }
        }
        return new TravelMatrix(millis);
    }

    long millis(Location from, Location to) {
        return millis[from.index()][to.index()];
    }
}
