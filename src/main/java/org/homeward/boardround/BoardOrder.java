package org.homeward.boardround;

import java.util.Comparator;

/**
 * The one order of the board: most acute first. Acuity from the acuity tool when assessed (higher rank first); until
 * then, and between patients of one level, the open alert's severity (most severe first, none last), then the latest
 * early-warning score (highest first, none last), then the patient's name.
 */
public final class BoardOrder {

    public static final Comparator<BoardRow> MOST_ACUTE_FIRST = Comparator
            .comparing((BoardRow row) -> row.facts().acuityRank(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BoardRow::alertSeverity, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BoardRow::scoreTotal, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BoardRow::name);

    private BoardOrder() {
    }
}
