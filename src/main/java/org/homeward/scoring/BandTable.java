package org.homeward.scoring;

import java.util.List;

/**
 * A banding table in ascending order of value. A value that falls between two published bands (the PEWS charts' bands
 * end at x.99, so 19.995 belongs to neither 10-19.99 nor 20-29.99) takes the higher of the two neighbouring scores,
 * as the SPOT NPEWS specification C1.4 requires.
 */
record BandTable(List<Band> bands) {

    static BandTable of(Band... bands) {
        return new BandTable(List.of(bands));
    }

    int score(double value) {
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            if (band.contains(value)) {
                return band.score();
            }
            if (i + 1 < bands.size() && band.high() != null && value > band.high()
                    && bands.get(i + 1).low() != null && value < bands.get(i + 1).low()) {
                return Math.max(band.score(), bands.get(i + 1).score());
            }
        }
        throw new IllegalStateException("No band for " + value + " in " + bands);
    }
}
