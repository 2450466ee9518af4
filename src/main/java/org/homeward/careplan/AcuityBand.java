package org.homeward.careplan;

/**
 * A level of acuity and the scores that give it: a score at or above {@code minScore}, and below the next band's, is
 * this level. Each level suggests home visits a day and counts {@code capacityWeight} in the ward's acuity-weighted
 * capacity, where a standard patient (level 2) counts 2.
 */
public record AcuityBand(int level, int minScore, String label, int visitsPerDay, int capacityWeight,
        String guidance) {
}
