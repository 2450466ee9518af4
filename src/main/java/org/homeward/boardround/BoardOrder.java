package org.homeward.boardround;

import java.util.Comparator;
import org.homeward.escalation.AlertSeverity;

/**
 * The one order of the board: most acute first. Acuity from the acuity tool when assessed (higher rank first); until
 * then, and between patients of one level, the open alert's severity (most severe first, none last), then the latest
 * early-warning score (highest first, none last), then the patient's name. A board row and the board's cheaper first
 * pass over every patient (which picks the page before the page's rows are built) are ordered by this one comparator.
 */
public final class BoardOrder {

    /** What the order reads of a patient on the board. */
    public interface Ranked {

        /** Higher is more acute; null when not assessed. */
        Integer acuityRank();

        /** The open alert's severity; null with none open. */
        AlertSeverity alertSeverity();

        /** The latest NEWS2 or PEWS total; null with none. */
        Integer scoreTotal();

        String name();
    }

    public static final Comparator<Ranked> MOST_ACUTE_FIRST = Comparator
            .comparing(Ranked::acuityRank, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
            .thenComparing(Ranked::alertSeverity, Comparator.nullsLast(Comparator.<AlertSeverity>reverseOrder()))
            .thenComparing(Ranked::scoreTotal, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
            .thenComparing(Ranked::name);

    private BoardOrder() {
    }
}
