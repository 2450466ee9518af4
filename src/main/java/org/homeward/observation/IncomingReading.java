package org.homeward.observation;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;

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

    /** A reading entered on a form (nurse or home page): a fresh id, no device. */
    public static IncomingReading entered(PatientId patient, ObservationParameter parameter, Double value, Instant at) {
        return new IncomingReading(UUID.randomUUID().toString(), patient.value(), parameter, value, null, at, null);
    }

    /** A coded reading entered on a form, e.g. CONSCIOUSNESS ALERT. */
    public static IncomingReading entered(PatientId patient, ObservationParameter parameter, String code, Instant at) {
        return new IncomingReading(UUID.randomUUID().toString(), patient.value(), parameter, null, code, at, null);
    }
}
