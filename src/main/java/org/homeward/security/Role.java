package org.homeward.security;

import java.util.EnumSet;
import java.util.Set;

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

    /** Roles that may open an individual patient's record (subject to the care team). Commissioners see aggregates only. */
    public static final Set<Role> CLINICAL_RECORD_READERS = EnumSet.of(REFERRER, CLINICIAN, SENIOR_DECISION_MAKER,
            PHARMACIST, COORDINATOR, GOVERNANCE);

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
