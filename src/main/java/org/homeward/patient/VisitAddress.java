package org.homeward.patient;

import org.homeward.shared.PatientId;

/** Where a visiting nurse goes: the first line of the patient's address and the postcode, for a route list. */
public record VisitAddress(PatientId patientId, String addressLine1, String postcode) {

    /** "12 Harbour Road, DT1 1AA". */
    public String label() {
        return addressLine1 + ", " + postcode;
    }
}
