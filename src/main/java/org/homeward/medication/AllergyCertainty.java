package org.homeward.medication;

/** How sure the recorder is that the substance caused the reaction. */
public enum AllergyCertainty {
    SUSPECTED("Suspected"),
    CONFIRMED("Confirmed");

    private final String label;

    AllergyCertainty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
