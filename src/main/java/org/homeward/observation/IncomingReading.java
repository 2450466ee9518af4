package org.homeward.observation;

import java.time.Instant;
import java.util.UUID;

/**
 * One reading as a client sends it.
 *
 * @param id the client's own id for this reading: a retry with the same id is stored once
 * @param value for numeric parameters
 * @param code for coded parameters (e.g. CONSCIOUSNESS ALERT)
 * @param recordedAt when it was measured (device time)
 */
public record IncomingReading(String id, UUID patientId, ObservationParameter parameter, Double value, String code,
        Instant recordedAt, String deviceId) {
}
