package org.homeward.medication;

/** The checks at prescribing that a prescriber may confirm with a recorded reason. */
public enum PrescribingCheck {
    ALLERGY("Allergy conflict"),
    DUPLICATE("Duplicate medicine"),
    DOSE_RANGE("Dose outside the formulary range"),
    CHILD_DOSE("Child dose per kilogram");

    private final String label;

    PrescribingCheck(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
