package org.homeward.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * The national PEWS banding tables (NHS England Configuration Document for SPOT NPEWS and the Sept 2023 charts).
 * Bands are published as "10-19.99": each band ends 0.01 below the next one's start, and a value in that gap takes
 * the higher neighbouring score (SPOT NPEWS specification C1.4, see {@link BandTable}).
 */
final class PewsBands {

    private PewsBands() {
    }

    /**
     * A table from its cut points: {@code steps(4, 10, 2, 20, 1, 30, 0)} means below 10 scores 4, 10-19.99 scores 2,
     * 20-29.99 scores 1 and 30 or more scores 0.
     */
    static BandTable steps(int lowestScore, double... cutsAndScores) {
        List<Band> bands = new ArrayList<>();
        bands.add(Band.below(cutsAndScores[0], lowestScore));
        for (int i = 0; i < cutsAndScores.length; i += 2) {
            double from = cutsAndScores[i];
            int score = (int) cutsAndScores[i + 1];
            boolean last = i + 2 >= cutsAndScores.length;
            bands.add(last ? Band.atLeast(from, score) : Band.between(from, cutsAndScores[i + 2] - 0.01, score));
        }
        return new BandTable(List.copyOf(bands));
    }

    static BandTable respiratoryRate(PewsAgeChart chart) {
        switch (chart) {
            case ZERO_TO_ELEVEN_MONTHS: return steps(4, 10, 2, 20, 1, 30, 0, 50, 1, 60, 2, 70, 4);
            case ONE_TO_FOUR_YEARS: return steps(4, 10, 2, 20, 0, 40, 1, 50, 2, 60, 4);
            case FIVE_TO_TWELVE_YEARS: return steps(4, 10, 2, 15, 1, 20, 0, 25, 1, 40, 2, 50, 4);
            default: return steps(4, 10, 1, 15, 0, 25, 1, 30, 2, 40, 4);
        }
    }

    static BandTable heartRate(PewsAgeChart chart) {
        switch (chart) {
            case ZERO_TO_ELEVEN_MONTHS: return steps(4, 80, 2, 90, 1, 110, 0, 150, 1, 170, 2, 180, 4);
            case ONE_TO_FOUR_YEARS: return steps(4, 60, 2, 70, 1, 90, 0, 140, 1, 150, 2, 170, 4);
            case FIVE_TO_TWELVE_YEARS: return steps(4, 60, 2, 70, 1, 80, 0, 120, 1, 140, 2, 160, 4);
            default: return steps(4, 50, 2, 60, 1, 70, 0, 100, 1, 120, 2, 130, 4);
        }
    }

    static BandTable systolicBloodPressure(PewsAgeChart chart) {
        switch (chart) {
            case ZERO_TO_ELEVEN_MONTHS: return steps(4, 50, 2, 60, 1, 70, 0, 90, 1, 100, 2, 110, 4);
            case ONE_TO_FOUR_YEARS: return steps(4, 50, 2, 60, 1, 80, 0, 100, 1, 120, 2, 130, 4);
            case FIVE_TO_TWELVE_YEARS: return steps(4, 70, 2, 80, 1, 90, 0, 110, 1, 120, 2, 130, 4);
            default: return steps(4, 80, 2, 90, 1, 100, 0, 120, 1, 130, 2, 140, 4);
        }
    }

    /** SpO2, every age: 91 % or less scores 4, 91.01-94.99 % scores 1, 95 % or more scores 0. */
    static final BandTable OXYGEN_SATURATION = BandTable.of(Band.between(Double.NEGATIVE_INFINITY, 91, 4),
            Band.between(91.01, 94.99, 1), Band.atLeast(95, 0));

    /** Capillary refill: 2 s or less scores 0, 3 s or more scores 2; between them the higher band (2). */
    static final BandTable CAPILLARY_REFILL = BandTable.of(Band.between(Double.NEGATIVE_INFINITY, 2, 0),
            Band.atLeast(3, 2));

    /** Oxygen by percentage: any supplemental oxygen below 30 % scores 1, 30-49.99 % scores 2, 50 % or more 4. */
    static final BandTable OXYGEN_PERCENT = BandTable.of(Band.between(Double.NEGATIVE_INFINITY, 29.99, 1),
            Band.between(30, 49.99, 2), Band.atLeast(50, 4));

    /** Oxygen by flow: any flow below 2 L/min scores 1, 2-5.99 L/min scores 2, 6 L/min or more 4. */
    static final BandTable OXYGEN_FLOW = BandTable.of(Band.between(Double.NEGATIVE_INFINITY, 1.99, 1),
            Band.between(2, 5.99, 2), Band.atLeast(6, 4));
}
