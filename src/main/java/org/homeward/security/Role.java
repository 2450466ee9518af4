package org.homeward.security;

/** What a user does in the service; one role per user. */
public enum Role {
    REFERRER("Referrer"),
    CLINICIAN("Clinician (nurse / AHP)"),
    SENIOR_DECISION_MAKER("Senior decision-maker"),
    PHARMACIST("Pharmacist"),
    COORDINATOR("Coordinator"),
    COMMISSIONER("Commissioner"),
    GOVERNANCE("Governance lead"),
    ADMIN("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
