package org.homeward.observation;

import java.time.Instant;

/** A stored reading of one parameter. */
public record Reading(ObservationParameter parameter, Double value, String code, Instant recordedAt) {
}
