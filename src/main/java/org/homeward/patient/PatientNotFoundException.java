package org.homeward.patient;

import org.homeward.shared.NhsNumber;
import org.homeward.shared.NotFoundException;
import org.homeward.shared.PatientId;

/** No patient with that id or NHS number. */
public class PatientNotFoundException extends NotFoundException {

    private PatientNotFoundException(String message) {
        super(message);
    }

    public static PatientNotFoundException forId(PatientId id) {
        return new PatientNotFoundException("No patient with id " + id);
    }

    public static PatientNotFoundException forNhsNumber(NhsNumber nhsNumber) {
        return new PatientNotFoundException("No patient with NHS number " + nhsNumber.formatted());
    }
}
