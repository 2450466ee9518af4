package org.homeward.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A weight in kilograms, the day it was measured, and who recorded it when. */
public record Weight(UUID id, BigDecimal weightKg, LocalDate measuredOn, String recordedBy, Instant recordedAt) {
}
