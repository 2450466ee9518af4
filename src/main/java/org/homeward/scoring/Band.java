package org.homeward.scoring;

/**
 * One row of a published banding table: values from {@code low} to {@code high} inclusive score {@code score}.
 * {@code null} (or infinite) bounds are open ("&lt;10", "&ge;70"). Public so that charts draw the score bands from the
 * very tables that score ({@link News2#chartBands}, {@link Pews#chartBands}), never from a second copy.
 */
public record Band(Double low, Double high, int score) {

    static Band below(double bound, int score) {
        return new Band(null, Math.nextDown(bound), score);
    }

    static Band between(double low, double high, int score) {
        return new Band(low, high, score);
    }

    static Band atLeast(double bound, int score) {
        return new Band(bound, null, score);
    }

    boolean contains(double value) {
        return (low == null || value >= low) && (high == null || value <= high);
    }
}
