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
}
