package org.homeward.visit.routing;

import java.util.Locale;

/**
 * The default travel model: straight-line distance times a road factor, driven at an average speed.
 *
 * <p>Roads are longer than the straight line between two homes; the road factor (circuity) stretches the line to an
 * estimated road distance. Studies of road networks put it around 1.2 to 1.4 (Ballou, Rahardja and Sakai 2002,
 * "Selected country circuity factors for road travel distance estimation", Transportation Research Part A 36), so
 * the default is 1.3 at an average 40 km/h for mixed town and country driving; a service sets its own values.
 * Geographic locations use the haversine distance on a sphere of the Earth's mean radius; benchmark locations use
 * the Euclidean distance in their own unit.
 */
public final class StraightLineTravel implements TravelTimeModel {

    public static final double DEFAULT_ROAD_FACTOR = 1.3;
    public static final double DEFAULT_KILOMETRES_PER_HOUR = 40.0;

    private static final double EARTH_MEAN_RADIUS_KM = 6371.0088;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private enum Geometry { HAVERSINE, EUCLIDEAN }

    private final Geometry geometry;
    private final double roadFactor;
    private final double distancePerHour;

    private StraightLineTravel(Geometry geometry, double roadFactor, double distancePerHour) {
        if (roadFactor < 1.0) {
            throw new IllegalArgumentException("road factor must be at least 1 (roads are never shorter than the line)");
        }
        if (distancePerHour <= 0) {
            throw new IllegalArgumentException("average speed must be positive");
        }
        this.geometry = geometry;
        this.roadFactor = roadFactor;
        this.distancePerHour = distancePerHour;
    }

    /** Geographic locations (latitude/longitude): kilometres, at the given road factor and average speed. */
    public static StraightLineTravel byRoad(double roadFactor, double kilometresPerHour) {
        return new StraightLineTravel(Geometry.HAVERSINE, roadFactor, kilometresPerHour);
    }

    public static StraightLineTravel byRoadWithDefaults() {
        return byRoad(DEFAULT_ROAD_FACTOR, DEFAULT_KILOMETRES_PER_HOUR);
    }

    /**
     * Plane coordinates in the instance's unit, travelled at one unit a minute with no road factor: the convention of
     * the Solomon benchmark, where travel time equals distance.
     */
    public static StraightLineTravel planeOneUnitPerMinute() {
        return new StraightLineTravel(Geometry.EUCLIDEAN, 1.0, 60.0);
    }

    @Override
    public String name() {
        return geometry == Geometry.HAVERSINE
                ? String.format(Locale.ROOT, "straight line (haversine) x %.2f road factor at %.0f km/h", roadFactor,
                        distancePerHour)
                : String.format(Locale.ROOT, "straight line (euclidean) x %.2f road factor at %.0f units/h", roadFactor,
                        distancePerHour);
    }

    @Override
    public long travelMillis(Location from, Location to) {
        return Math.round(distance(from, to) / distancePerHour * MILLIS_PER_HOUR);
    }

    @Override
    public double distance(Location from, Location to) {
        double line = geometry == Geometry.HAVERSINE ? haversineKm(from, to) : Math.hypot(to.x() - from.x(),
                to.y() - from.y());
        return line * roadFactor;
    }

    private static double haversineKm(Location from, Location to) {
        double lat1 = Math.toRadians(from.latitude());
        double lat2 = Math.toRadians(to.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(to.longitude() - from.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
