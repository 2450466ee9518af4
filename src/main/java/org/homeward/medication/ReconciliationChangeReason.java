package org.homeward.medication;

/** Why a new reconciliation is asked for: the patient's medicines changed. */
public enum ReconciliationChangeReason {
    NEW_DISCHARGE_LETTER("New discharge letter"),
    TRANSFER("Transfer of care"),
    NEW_SUPPLY("New supply of medicines"),
    OTHER("Other change to the patient's medicines");

    private final String label;

    ReconciliationChangeReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
