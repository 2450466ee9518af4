package org.homeward.boardround;

import java.time.LocalDate;
import java.util.List;
import org.homeward.shared.WardId;

/**
 * The board for a ward (or the whole service when {@code wardId} is null) on {@code date}, in {@link BoardOrder}.
 *
 * @param notReviewedToday how many of the patients the user may see have no review today, whether or not shown
 * @param notReviewedOnly whether only those are shown
 */
public record Board(LocalDate date, WardId wardId, String wardName, List<BoardRow> rows, int notReviewedToday,
        boolean notReviewedOnly) {
}
