package org.homeward.visit;

/** How a visit ended. Anything but {@link #COMPLETED} needs a note saying what happened. */
public enum VisitOutcome {
    COMPLETED("Completed as planned"),
    PARTLY_COMPLETED("Partly completed"),
    DECLINED("Declined by the patient"),
    NO_ACCESS("No access: nobody answered"),
    ESCALATED("Escalated: patient deteriorating or conveyed to hospital");

    private final String label;

    VisitOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the care the visit was for was given. */
    public boolean careGiven() {
        return this == COMPLETED || this == PARTLY_COMPLETED;
    }
}
