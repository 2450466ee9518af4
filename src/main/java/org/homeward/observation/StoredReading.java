package org.homeward.observation;

import java.time.Instant;
import java.util.UUID;
import org.homeward.shared.PatientId;

/**
 * One stored reading with its identity, as other systems read it (the FHIR facade's Observation).
 *
 * @param clientId the id the submitter gave the reading (a device platform's identifier), if any
 */
public record StoredReading(UUID id, PatientId patient, ObservationParameter parameter, Double value, String code,
        Instant recordedAt, ObservationSource source, String deviceId, String clientId) {
}
