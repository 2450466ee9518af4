package org.homeward.visit.routing;

/**
 * Travel times and distances given as a matrix indexed by {@link Location#index()}: a routing engine's output, or a
 * benchmark's own matrix (HHCRSP gives one where travel time equals distance, in minutes).
 */
public final class MatrixTravel implements TravelTimeModel {

    private static final double MILLIS_PER_MINUTE = 60_000.0;

    private final String name;
    private final double[][] minutes;
    private final double[][] distances;

    public MatrixTravel(String name, double[][] minutes, double[][] distances) {
        if (minutes.length != distances.length) {
            throw new IllegalArgumentException("time and distance matrices differ in size");
        }
        for (int row = 0; row < minutes.length; row++) {
            if (minutes[row].length != minutes.length || distances[row].length != minutes.length) {
                throw new IllegalArgumentException("matrix row " + row + " is not " + minutes.length + " long");
            }
        }
        this.name = name;
        this.minutes = minutes;
        this.distances = distances;
    }

    /** A matrix whose entries are both the distance and the travel time in minutes. */
    public static MatrixTravel timeEqualsDistance(String name, double[][] matrix) {
        return new MatrixTravel(name, matrix, matrix);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long travelMillis(Location from, Location to) {
        return Math.round(minutes[row(from)][row(to)] * MILLIS_PER_MINUTE);
    }

    @Override
    public double distance(Location from, Location to) {
        return distances[row(from)][row(to)];
    }

    private int row(Location location) {
        if (location.index() >= minutes.length) {
            throw new IllegalArgumentException("location " + location.index() + " is outside the " + minutes.length
                    + " x " + minutes.length + " matrix");
        }
        return location.index();
    }
}
