package org.homeward.medication;

/**
 * A controlled drugs register entry: what changed the balance (Misuse of Drugs Regulations 2001, regulation 19 and
 * Schedule 6: received, supplied (administered to a named patient), and the balance kept; NICE NG46 1.5 and 1.14 for
 * returns, destruction and balance checks).
 */
public enum ControlledDrugEntryKind {
    RECEIVED("Received"),
    ADMINISTERED("Administered"),
    RETURNED("Returned to the pharmacy"),
    DESTROYED("Removed for destruction"),
    CHECK("Balance check");

    private final String label;

    ControlledDrugEntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
