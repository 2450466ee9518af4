package org.homeward.patient;

/** The part of a patient's details a correction changes; each is a summary list with its own "Change" link. */
public enum ChangeSection {
    DEMOGRAPHICS("Personal details"),
    ADDRESS("Address and phone"),
    LOCATION("Location for home visits"),
    GP_PRACTICE("GP practice"),
    CARER("Carers and parents");

    private final String label;

    ChangeSection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
