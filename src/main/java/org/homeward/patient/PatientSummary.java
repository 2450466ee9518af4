package org.homeward.patient;

import java.time.LocalDate;
import java.time.Period;
import org.homeward.shared.NhsNumber;
import org.homeward.shared.PatientId;

/** The few facts other modules and lists need about a patient. */
public record PatientSummary(PatientId id, NhsNumber nhsNumber, String givenName, String familyName,
        LocalDate dateOfBirth, Sex sex, String postcode) {

    public String displayName() {
        return displayName(familyName, givenName);
    }

    /** A patient's name as lists show it and order by: SMITH, Jane. */
    public static String displayName(String familyName, String givenName) {
        return familyName.toUpperCase() + ", " + givenName;
    }

    /**
     * From this age a patient is an adult: a parent no longer consents for them, the adult assessments (CFS, 4AT) are
     * recorded and a hands-on visit no longer needs a children's nurse. (NEWS2 has its own age rule, which happens to
     * agree from 18: {@link org.homeward.scoring.WarningScore}.)
     */
    public static final int ADULT_FROM_AGE = 18;

    /** Age in completed years on {@code date}. */
    public int ageOn(LocalDate date) {
        return ageOn(dateOfBirth, date);
    }

    /** Whether the patient is an adult ({@link #ADULT_FROM_AGE} or over) on {@code date}. */
    public boolean isAdultOn(LocalDate date) {
        return isAdult(ageOn(date));
    }

    /** Age in completed years on {@code date} of someone born on {@code dateOfBirth}: the one age rule. */
    public static int ageOn(LocalDate dateOfBirth, LocalDate date) {
        return Period.between(dateOfBirth, date).getYears();
    }

    /** Whether someone of this age (completed years) is an adult: the one adulthood rule. */
    public static boolean isAdult(int ageYears) {
        return ageYears >= ADULT_FROM_AGE;
    }
}
