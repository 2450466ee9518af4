package org.homeward.referral;

/** What the acute hospital says happened to a step-down patient's inpatient stay (ADT A01, A02, A03, A11, A13). */
public enum InpatientEventKind {
    ADMITTED("Admitted to the acute ward"),
    TRANSFERRED("Moved to another acute ward"),
    DISCHARGED("Left the acute ward"),
    ADMISSION_CANCELLED("Acute admission cancelled"),
    DISCHARGE_CANCELLED("Leaving the acute ward cancelled");

    private final String label;

    InpatientEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
