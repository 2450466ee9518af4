package org.homeward.boardround;

/** What the round decides for a patient today. */
public enum Decision {
    CONTINUE("Continue care on the virtual ward"),
    DISCHARGE_TODAY("Discharge today"),
    DISCHARGE_TOMORROW("Discharge tomorrow"),
    REVISE_EDD("Revise the estimated discharge date"),
    CHANGE_MONITORING("Change monitoring"),
    ESCALATE_TO_ACUTE_HOSPITAL("Escalate to the acute hospital"),
    REFER_ON("Refer on to another service"),
    END_OF_LIFE_CARE("End-of-life care");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * A discharge decided at the round. It does not discharge the patient: discharge needs its summary, destination
     * and onward referrals on the admission's page. The board flags it until someone does.
     */
    public boolean decidesDischarge() {
        return this == DISCHARGE_TODAY || this == DISCHARGE_TOMORROW;
    }
}
