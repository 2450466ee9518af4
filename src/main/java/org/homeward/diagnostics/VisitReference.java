package org.homeward.diagnostics;

import java.time.LocalDate;

/**
 * The home visit a sample or a point-of-care test was taken at: the day plan's date and the visit's id in it (as the
 * visit pages and the visits API name it).
 */
public record VisitReference(LocalDate planDate, String visitId) {
}
