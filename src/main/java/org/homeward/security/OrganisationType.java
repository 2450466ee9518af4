package org.homeward.security;

/** The kinds of organisation that share a Hospital at Home service. */
public enum OrganisationType {
    ACUTE_TRUST("Acute trust"),
    COMMUNITY_PROVIDER("Community provider"),
    GP_FEDERATION("GP federation"),
    ICB("Integrated care board");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Only providers host a virtual ward: the acute trust and the community provider employ the clinical team. */
    public boolean hostsWards() {
        return this == ACUTE_TRUST || this == COMMUNITY_PROVIDER;
    }

    /**
     * Whether an organisation of this type may be in a patient's care team. Commissioners (the ICB) plan and pay for
     * the service and see numbers only; they never share a patient's care, so never see a record.
     */
    public boolean sharesCare() {
        return this != ICB;
    }
}
