package org.homeward.diagnostics;

import java.util.List;

/**
 * Tests to order for a patient.
 *
 * @param tests catalogue codes, or panel codes (UE, FBC) standing for their tests; at least one
 * @param clinicalQuestion what the tests should answer (required)
 * @param urgency routine, urgent or same day
 * @param patientTransport for imaging only (required then): how the patient gets there
 * @param patientTransportNote why transport is not needed (required with NOT_NEEDED), or what was booked
 */
public record OrderTests(List<String> tests, String clinicalQuestion, Urgency urgency,
        PatientTransport patientTransport, String patientTransportNote) {
}
