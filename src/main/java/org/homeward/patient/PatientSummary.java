package org.homeward.patient;

import java.time.LocalDate;
import java.time.Period;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.PatientId;

/** The few facts other modules and lists need about a patient. */
public record PatientSummary(PatientId id, NhsNumber nhsNumber, String givenName, String familyName,
        LocalDate dateOfBirth, Sex sex, String postcode) {

    public String displayName() {
        return familyName.toUpperCase() + ", " + givenName;
    }

    /** Age in completed years on {@code date}. */
    public int ageOn(LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }
}
