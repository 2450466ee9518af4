package org.homeward.demo;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.homeward.patient.AddCarer;
import org.homeward.patient.RegisterPatient;

/** A demo patient as the patient module will register them, with their carers in the order they are added. */
record PatientPlan(RegisterPatient details, List<AddCarer> carers) {

    int ageOn(LocalDate date) {
        return Period.between(details.dateOfBirth(), date).getYears();
    }

    String fullName() {
        return details.givenName() + " " + details.familyName();
    }
}
