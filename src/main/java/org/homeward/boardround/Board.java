package org.homeward.boardround;

import java.time.LocalDate;
import java.util.List;
import org.homeward.shared.WardId;

/**
 * The board for a ward (or the whole service when {@code wardId} is null) on {@code date}, in {@link BoardOrder}.
 *
 * @param notReviewedToday how many of the patients the user may see have no review today, whether or not shown
 * @param notReviewedOnly whether only those are shown
 * @param patients how many patients the board holds with its filter, on every page
 * @param firstRow the place of the first row shown among them (1 for the first page)
 * @param page this page, the first is 1
 * @param pages how many pages the board has (1 when it fits on one, or holds nobody)
 */
public record Board(LocalDate date, WardId wardId, String wardName, List<BoardRow> rows, int notReviewedToday,
        boolean notReviewedOnly, int patients, int firstRow, int page, int pages) {

    /** The place of the last row shown (100 in "patients 51 to 100 of 500"). */
    public int lastRow() {
        return firstRow + rows.size() - 1;
    }
}
