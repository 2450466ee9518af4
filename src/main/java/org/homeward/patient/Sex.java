package org.homeward.patient;

/** Administrative sex, as FHIR R4 AdministrativeGender. */
public enum Sex {
    FEMALE("Female"), MALE("Male"), OTHER("Other"), UNKNOWN("Not known");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
