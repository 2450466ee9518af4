package org.homeward.medication;

/** Where a prescription is in the pharmacist's screening. */
public enum ScreeningStatus {
    AWAITING("Awaiting pharmacist screening"),
    SCREENED("Screened by pharmacist"),
    QUERIED("Queried by pharmacist");

    private final String label;

    ScreeningStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
