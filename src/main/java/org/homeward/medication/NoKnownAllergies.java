package org.homeward.medication;

import java.time.Instant;
import java.util.UUID;

/** The recorded statement that the patient has no known allergies: who said so and when; superseded, if ever. */
public record NoKnownAllergies(UUID id, RecordedBy recordedBy, Instant recordedAt, Instant supersededAt) {
}
