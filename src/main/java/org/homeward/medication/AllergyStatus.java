package org.homeward.medication;

/** What is known of a patient's allergies: nothing recorded, a statement of none known, or allergies. */
public enum AllergyStatus {
    NOT_RECORDED("Not recorded"),
    NO_KNOWN_ALLERGIES("No known allergies"),
    HAS_ALLERGIES("Allergies recorded");

    private final String label;

    AllergyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
