package org.homeward.medication;

/** What moved stock into or out of a grab bag; every movement is kept (append-only). */
public enum StockMovementKind {
    RECEIVED("Received or restocked", ControlledDrugEntryKind.RECEIVED),
    USED("Used for a patient", ControlledDrugEntryKind.ADMINISTERED),
    RETURNED("Returned to the pharmacy", ControlledDrugEntryKind.RETURNED),
    REMOVED_EXPIRED("Removed as expired, for destruction", ControlledDrugEntryKind.DESTROYED),
    CHECK_ADJUSTMENT("Check count differed from the book", ControlledDrugEntryKind.CHECK);

    private final String label;
    private final ControlledDrugEntryKind registerKind;

    StockMovementKind(String label, ControlledDrugEntryKind registerKind) {
        this.label = label;
        this.registerKind = registerKind;
    }

    public String label() {
        return label;
    }

    /** The controlled drugs register entry a movement of a controlled drug writes. */
    public ControlledDrugEntryKind registerKind() {
        return registerKind;
    }
}
