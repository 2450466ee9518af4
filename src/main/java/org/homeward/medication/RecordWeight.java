package org.homeward.medication;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A weight to record: kilograms and the day measured (today when absent). */
public record RecordWeight(BigDecimal weightKg, LocalDate measuredOn) {
}
