package org.homeward.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * A ward's census on a date: its occupancy and the patients the viewer may see. {@code notShown} counts patients
 * whose records the viewer's organisation may not open; they still count in the occupancy.
 */
public record WardCensus(LocalDate date, WardOccupancy occupancy, List<CensusRow> rows, int notShown) {
}
