package org.homeward.patient;

import org.homeward.shared.PatientId;

/** Where a visiting nurse goes: the first line of the patient's address and the postcode, for a route list. */
public record VisitAddress(PatientId patientId, String addressLine1, String postcode) {

    /** The first line and the postcode, with a comma between. */
    public String label() {
        return addressLine1 + ", " + postcode;
    }
}
