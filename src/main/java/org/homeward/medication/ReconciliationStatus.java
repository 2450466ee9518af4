package org.homeward.medication;

/** Where a reconciliation stands. Verified is complete; not completed and superseded are closed unverified. */
public enum ReconciliationStatus {
    NOT_STARTED("Not started", "nhsuk-tag--grey"),
    IN_PROGRESS("In progress", "nhsuk-tag--blue"),
    VERIFIED("Verified", "nhsuk-tag--green"),
    NOT_COMPLETED("Not completed before discharge", "nhsuk-tag--red"),
    SUPERSEDED("Superseded", "nhsuk-tag--grey");

    private final String label;
    private final String tagClass;

    ReconciliationStatus(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    public String label() {
        return label;
    }

    public String tagClass() {
        return tagClass;
    }

    /** Still being done: medicines, decisions and resolutions may be added. */
    public boolean open() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
