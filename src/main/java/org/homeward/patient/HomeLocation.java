package org.homeward.patient;

import org.homeward.shared.PatientId;

/** Where a patient lives on the map, for planning visits to them. */
public record HomeLocation(PatientId patientId, double latitude, double longitude) {
}
