package org.homeward.medication;

/** What is decided for a medicine the patient took before admission; every decision but continued needs a reason. */
public enum ReconciliationDecision {
    CONTINUED("Continued"),
    STOPPED("Stopped"),
    CHANGED("Changed"),
    WITHHELD("Withheld");

    private final String label;

    ReconciliationDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a reason must be given: stopped, changed and withheld. */
    public boolean needsReason() {
        return this != CONTINUED;
    }

    /**
     * Whether the decision itself settles a difference between sources: stopping the medicine, or changing it to a
     * stated dose and frequency. Continuing or withholding it leaves open which source was right, so needs a note.
     */
    public boolean settlesDifferences() {
        return this == STOPPED || this == CHANGED;
    }
}
