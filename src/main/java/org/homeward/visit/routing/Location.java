package org.homeward.visit.routing;

/**
 * A place a staff member starts from, visits or returns to.
 *
 * <p>{@code index} is the location's row in the plan's travel matrix: locations sharing an index are the same place.
 * For geographic travel models {@code x} is the longitude and {@code y} the latitude in degrees; benchmark instances
 * use plane coordinates in their own unit.
 */
public record Location(int index, double x, double y) {

    public Location {
        if (index < 0) {
            throw new IllegalArgumentException("location index must not be negative: " + index);
        }
    }

    public static Location geographic(int index, double latitude, double longitude) {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("not a latitude/longitude: " + latitude + ", " + longitude);
        }
        return new Location(index, longitude, latitude);
    }

    public static Location plane(int index, double x, double y) {
        return new Location(index, x, y);
    }

    public double latitude() {
        return y;
    }

    public double longitude() {
        return x;
    }
}
