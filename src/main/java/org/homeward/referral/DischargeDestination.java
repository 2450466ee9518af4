package org.homeward.referral;

/** Where the patient went on leaving the virtual ward. */
public enum DischargeDestination {
    USUAL_RESIDENCE("Usual place of residence"),
    TRANSFER_TO_ACUTE_HOSPITAL("Transfer to acute hospital"),
    DIED("Died"),
    OTHER("Other");

    private final String label;

    DischargeDestination(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
