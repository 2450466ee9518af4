package org.homeward.referral;

/** Who consented to admission (KLoE 4.1, 4.2). */
public enum ConsentGivenBy {
    PATIENT("The patient"),
    PARENT_WITH_PARENTAL_RESPONSIBILITY("Parent with parental responsibility"),
    LASTING_POWER_OF_ATTORNEY("Lasting power of attorney (health and welfare)"),
    BEST_INTERESTS_DECISION("Best interests decision");

    private final String label;

    ConsentGivenBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
