package org.homeward.boardround;

/**
 * Red2Green: a green day is one in which the patient received care that could only be given on the virtual ward and
 * moved towards discharge; a red day is one in which they waited for something, which the round names and acts on.
 */
public enum DayColour {
    RED("Red day"),
    GREEN("Green day");

    private final String label;

    DayColour(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The NHS.UK tag colour the board shows it in. */
    public String tagClass() {
        return this == RED ? "nhsuk-tag--red" : "nhsuk-tag--green";
    }
}
